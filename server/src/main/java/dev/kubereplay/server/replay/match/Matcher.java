package dev.kubereplay.server.replay.match;

import dev.kubereplay.server.replay.responder.MockRequest;
import dev.kubereplay.server.traffic.model.RRPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Finds the recorded call a live request stands for: same method and path (looked up at once), then
 * host, the chosen headers, the query and the body compared part by part. Requests that match the
 * same recorded calls get them in recorded order, then the last again and again. A request that
 * matches nothing gets the closest recorded calls, each with what differed.
 *
 * <p>Most requests are found by their {@link dev.kubereplay.server.traffic.model.RequestSignature}
 * instead, with the same outcome (see {@link SignatureMatch}); only bodies of the calls that answer
 * or are compared part by part are read, and the most recent few thousand kept.
 */
public final class Matcher {

  /** A recorded call the mocks can answer with: a pair with a response, and its id. */
  public record Recorded(long id, RRPair pair) {}

  /** What matching found. */
  public sealed interface Outcome permits Hit, Miss {}

  /**
   * The recorded call to answer with.
   *
   * @param repeat how many times the same recorded calls were asked for before (0 the first time)
   */
  public record Hit(Recorded call, int repeat) implements Outcome {}

  /** Nothing matched; the closest recorded calls first. */
  public record Miss(List<NearMiss> nearest) implements Outcome {}

  /** A recorded call that came close, and every way the request differs from it. */
  public record NearMiss(Recorded call, List<Difference> differences) {}

  /** Reads a recorded pair again by its id (from the store), for calls not in memory. */
  public interface Pairs {
    RRPair pair(long id);
  }

  /** Takes the recorded calls one at a time, as the store streams them. */
  public static final class Loader {
    private final CallIndex index;
    private final Leniency leniency;
    private boolean bySignature = true;

    private Loader(Leniency leniency) {
      this.leniency = leniency;
      this.index = new CallIndex(leniency);
    }

    /** Adds the next recorded call (in recorded order); the pair is not kept. */
    public Loader add(long id, RRPair pair) {
      index.add(id, pair);
      return this;
    }

    /** Off: every request compared part by part (to check that both ways agree). */
    Loader bySignature(boolean on) {
      bySignature = on;
      return this;
    }

    /**
     * @param pairs where answering and comparing read the pairs again
     */
    public Matcher build(Pairs pairs) {
      index.finish();
      return new Matcher(index, new PairCache(pairs::pair, CACHED_PAIRS), leniency, bySignature);
    }
  }

  private static final int NEAREST = 3;
  private static final int CACHED_PAIRS = 4096;

  /** The most recorded calls a miss compares part by part to find the closest. */
  static final int COMPARED_ON_MISS = 256;

  private final CallIndex index;
  private final PairCache pairs;
  private final Comparison comparison;
  private final SignatureMatch signatures;
  private final Map<String, AtomicInteger> served = new ConcurrentHashMap<>();
  private final AtomicIntegerArray servedAlone;

  /**
   * @param recorded the calls in recorded order (the order identical requests are answered in)
   */
  public Matcher(List<Recorded> recorded, Leniency leniency) {
    this(inMemory(recorded, leniency, true));
  }

  private Matcher(Matcher built) {
    this(built.index, built.pairs, built.comparison, built.signatures);
  }

  private Matcher(
      CallIndex index, PairCache pairs, Comparison comparison, SignatureMatch signatures) {
    this.index = index;
    this.pairs = pairs;
    this.comparison = comparison;
    this.signatures = signatures;
    this.servedAlone = new AtomicIntegerArray(index.calls.size());
  }

  private Matcher(CallIndex index, PairCache pairs, Leniency leniency, boolean bySignature) {
    this(
        index,
        pairs,
        new Comparison(leniency),
        bySignature ? new SignatureMatch(index, leniency) : null);
  }

  /** A loader for calls streamed one at a time. */
  public static Loader loader(Leniency leniency) {
    return new Loader(leniency);
  }

  static Matcher inMemory(List<Recorded> recorded, Leniency leniency, boolean bySignature) {
    Map<Long, RRPair> byId = new HashMap<>();
    Loader loader = new Loader(leniency).bySignature(bySignature);
    for (Recorded call : recorded) {
      byId.put(call.id(), call.pair());
      loader.add(call.id(), call.pair());
    }
    return loader.build(byId::get);
  }

  /** How many recorded calls it answers from. */
  public int size() {
    return index.calls.size();
  }

  /** The recorded call for a request, or the closest ones when none matches. */
  public Outcome match(MockRequest request) {
    List<RecordedCall> hits = signatures == null ? null : signatures.hits(request);
    RequestView actual = null;
    if (hits == null) {
      actual = RequestView.of(request);
      hits = new ArrayList<>();
      for (RecordedCall candidate :
          index.byMethodAndPath.getOrDefault(actual.method() + " " + actual.path(), List.of())) {
        if (comparison.differences(pairs.view(candidate.id()), actual).isEmpty()) {
          hits.add(candidate);
        }
      }
    }
    if (hits.isEmpty() && !index.patterned.isEmpty()) {
      if (actual == null) {
        actual = RequestView.of(request);
      }
      hits = patternHits(actual, request.query());
    }
    if (!hits.isEmpty()) {
      int repeat =
          hits.size() == 1
              ? servedAlone.getAndIncrement(hits.get(0).order())
              : served.computeIfAbsent(group(hits), g -> new AtomicInteger()).getAndIncrement();
      RecordedCall hit = hits.get(Math.min(repeat, hits.size() - 1));
      return new Hit(new Recorded(hit.id(), pairs.pair(hit.id())), repeat);
    }
    return new Miss(nearest(actual != null ? actual : RequestView.of(request)));
  }

  /** Calls recorded for a URL pattern that the request fits, the rest of it matching too. */
  private List<RecordedCall> patternHits(RequestView actual, String query) {
    List<RecordedCall> hits = new ArrayList<>();
    for (PatternedCall patterned : index.patterned) {
      RecordedCall call = patterned.call();
      if (!call.method().equals(actual.method()) || !patterned.fits(actual.path(), query)) {
        continue;
      }
      boolean rest =
          comparison.differences(pairs.view(call.id()), actual).stream()
              .allMatch(
                  d ->
                      d.part() == Difference.Part.PATH
                          || d.part() == Difference.Part.QUERY && patterned.withQuery());
      if (rest) {
        hits.add(call);
      }
    }
    return hits;
  }

  private static String group(List<RecordedCall> hits) {
    StringBuilder group = new StringBuilder();
    hits.forEach(hit -> group.append(hit.id()).append(','));
    return group.toString();
  }

  private record Ranked(RecordedCall call, List<Difference> differences, int distance) {}

  /**
   * The closest calls, ranked as a sort of all by distance (then recorded order) would rank them,
   * comparing only the calls whose method, host and path leave them a chance (those parts are in
   * memory; the rest of a call is read to compare it), and at most {@link #COMPARED_ON_MISS} of
   * them: a miss among 100,000 recorded calls to one URL costs milliseconds, not seconds.
   */
  private List<NearMiss> nearest(RequestView actual) {
    List<RecordedCall> calls = index.calls;
    int[] floor = new int[calls.size()];
    int[] floors = new int[calls.size()];
    for (int i = 0; i < floor.length; i++) {
      floor[i] = floors[i] = Distance.ofUrl(calls.get(i), actual);
    }
    Arrays.sort(floors);
    Comparator<Ranked> rank =
        Comparator.comparingInt(Ranked::distance).thenComparingInt(r -> r.call().order());
    List<Ranked> best = new ArrayList<>();
    int compared = 0;
    int previous = -1;
    levels:
    for (int level : floors) {
      if (level == previous) {
        continue;
      }
      previous = level;
      for (int i = 0; i < floor.length; i++) {
        if (floor[i] != level) {
          continue;
        }
        if (best.size() == NEAREST) {
          Ranked worst = best.get(NEAREST - 1);
          // calls come in recorded order within a level: none after this one can rank higher
          if (level > worst.distance() || level == worst.distance() && i > worst.call().order()) {
            break levels;
          }
        }
        if (compared++ == COMPARED_ON_MISS) {
          break levels;
        }
        RecordedCall call = calls.get(i);
        List<Difference> differences = comparison.differences(pairs.view(call.id()), actual);
        best.add(new Ranked(call, differences, Distance.of(differences)));
        best.sort(rank);
        if (best.size() > NEAREST) {
          best.remove(NEAREST);
        }
      }
    }
    List<NearMiss> nearest = new ArrayList<>();
    for (Ranked ranked : best) {
      long id = ranked.call().id();
      nearest.add(new NearMiss(new Recorded(id, pairs.pair(id)), ranked.differences()));
    }
    return List.copyOf(nearest);
  }
}
