package dev.kubereplay.server.replay.match;

import dev.kubereplay.server.replay.responder.MockRequest;
import dev.kubereplay.server.traffic.model.RRPair;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Finds the recorded call a live request stands for: same method and path (looked up at once), then
 * host, the chosen headers, the query and the body compared part by part. Requests that match the
 * same recorded calls get them in recorded order, then the last again and again. A request that
 * matches nothing gets the closest recorded calls, each with what differed.
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

  private static final int NEAREST = 3;

  private record Entry(Recorded call, RequestView view) {}

  private final List<Entry> entries = new ArrayList<>();
  private final Map<String, List<Entry>> byMethodAndPath = new HashMap<>();
  private final Map<String, AtomicInteger> served = new ConcurrentHashMap<>();
  private final Comparison comparison;

  /**
   * @param recorded the calls in recorded order (the order identical requests are answered in)
   */
  public Matcher(List<Recorded> recorded, Leniency leniency) {
    this.comparison = new Comparison(leniency);
    for (Recorded call : recorded) {
      Entry entry = new Entry(call, RequestView.of(call.pair()));
      entries.add(entry);
      byMethodAndPath.computeIfAbsent(key(entry.view()), k -> new ArrayList<>()).add(entry);
    }
  }

  /** How many recorded calls it answers from. */
  public int size() {
    return entries.size();
  }

  private static String key(RequestView view) {
    return view.method() + " " + view.path();
  }

  /** The recorded call for a request, or the closest ones when none matches. */
  public Outcome match(MockRequest request) {
    RequestView actual = RequestView.of(request);
    List<Entry> hits = new ArrayList<>();
    for (Entry candidate : byMethodAndPath.getOrDefault(key(actual), List.of())) {
      if (comparison.differences(candidate.view(), actual).isEmpty()) {
        hits.add(candidate);
      }
    }
    if (!hits.isEmpty()) {
      StringBuilder group = new StringBuilder();
      hits.forEach(hit -> group.append(hit.call().id()).append(','));
      int repeat =
          served.computeIfAbsent(group.toString(), g -> new AtomicInteger()).getAndIncrement();
      return new Hit(hits.get(Math.min(repeat, hits.size() - 1)).call(), repeat);
    }
    return new Miss(nearest(actual));
  }

  private List<NearMiss> nearest(RequestView actual) {
    List<NearMiss> all = new ArrayList<>();
    for (Entry entry : entries) {
      all.add(new NearMiss(entry.call(), comparison.differences(entry.view(), actual)));
    }
    all.sort(Comparator.comparingInt(Matcher::distance));
    return List.copyOf(all.subList(0, Math.min(NEAREST, all.size())));
  }

  /** The method, host and path weigh most: a call to another URL is rarely what was meant. */
  private static int distance(NearMiss miss) {
    int distance = 0;
    for (Difference difference : miss.differences()) {
      distance +=
          switch (difference.part()) {
            case METHOD, HOST -> 20;
            case PATH -> 15;
            case HEADER -> 4;
            case QUERY -> 2;
            case BODY -> 1;
          };
    }
    return distance;
  }
}
