package dev.kubereplay.server.replay.match;

import dev.kubereplay.server.http.ContentCodings;
import dev.kubereplay.server.replay.match.RequestView.Body;
import dev.kubereplay.server.traffic.model.RRPair;
import dev.kubereplay.server.traffic.model.RequestSignature;
import dev.kubereplay.server.traffic.model.RequestSigner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * The recorded calls, indexed twice: by method and path (every call a request could match), and by
 * signature (the calls a request matches at once, without comparing it part by part). Built one
 * pair at a time as the store streams them; keeps no bodies.
 */
final class CallIndex {

  private static final byte[] REDACTED = Comparison.REDACTED.getBytes(StandardCharsets.UTF_8);

  final List<RecordedCall> calls = new ArrayList<>();
  final Map<String, List<RecordedCall>> byMethodAndPath = new HashMap<>();
  final Map<RequestSignature, List<RecordedCall>> bySignature = new HashMap<>();

  /** Calls whose URL is a pattern (WireMock's urlPattern, urlPathPattern, urlPathTemplate). */
  final List<PatternedCall> patterned = new ArrayList<>();

  /** By {@link RecordedCall#order()}: whether its group's matches the signature finds exactly. */
  private boolean[] direct = new boolean[0];

  private final Map<String, String> strings = new HashMap<>();
  private final RequestSigner signer = new RequestSigner();
  private final Leniency leniency;

  CallIndex(Leniency leniency) {
    this.leniency = leniency;
  }

  void add(long id, RRPair pair) {
    RequestView view = RequestView.of(pair);
    Map<String, List<String>> matched = matchedHeaders(view.headers(), leniency);
    RecordedCall call =
        new RecordedCall(
            calls.size(),
            id,
            shared(view.method()),
            view.path(),
            shared(view.host()),
            signer.sign(
                pair.method(),
                "",
                pair.url(),
                pair.requestHeaders(),
                pair.requestBody(),
                pair.requestBodyEncoding()),
            shared(BodyType.of(pair.requestHeaders())),
            matched,
            exact(pair, view, matched),
            likeness(view, matched));
    calls.add(call);
    PatternedCall patternedCall = PatternedCall.of(call, pair);
    if (patternedCall != null) {
      patterned.add(patternedCall);
    }
    byMethodAndPath.computeIfAbsent(call.methodAndPath(), k -> new ArrayList<>()).add(call);
    bySignature.computeIfAbsent(call.signature(), k -> new ArrayList<>(1)).add(call);
  }

  /** Decides which groups the signature serves; call once, after the last {@link #add}. */
  void finish() {
    direct = new boolean[calls.size()];
    strings.clear();
    if (!leniency.ignoredQuery().isEmpty() || !leniency.ignoredJsonPaths().isEmpty()) {
      return; // what is left out of a comparison is still in the signature
    }
    for (List<RecordedCall> group : byMethodAndPath.values()) {
      if (isDirect(group)) {
        group.forEach(call -> direct[call.order()] = true);
      }
    }
  }

  /** Whether the signature finds the matches of a request that has this call's method and path. */
  boolean isDirect(RecordedCall call) {
    return direct[call.order()];
  }

  /**
   * Whether every call of a group is exact, and no two of them compare equal with different
   * signatures: then a request matches exactly the calls of its signature, or, if none, none.
   */
  private static boolean isDirect(List<RecordedCall> group) {
    Map<Long, RecordedCall> byLikeness = new HashMap<>();
    for (RecordedCall call : group) {
      if (!call.exact()) {
        return false;
      }
      RecordedCall like = byLikeness.putIfAbsent(call.likeness(), call);
      if (like != null
          && (!like.signature().equals(call.signature())
              || !like.bodyType().equals(call.bodyType()))) {
        return false;
      }
    }
    return true;
  }

  static Map<String, List<String>> matchedHeaders(
      Map<String, List<String>> headers, Leniency leniency) {
    Map<String, List<String>> matched = null;
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (leniency.matchesHeader(header.getKey())) {
        if (matched == null) {
          matched = new TreeMap<>();
        }
        matched.put(header.getKey(), header.getValue());
      }
    }
    return matched == null ? Map.of() : matched;
  }

  /** Nothing redacted, and the body read alike by the signature and the comparison. */
  private static boolean exact(RRPair pair, RequestView view, Map<String, List<String>> matched) {
    if (!ContentCodings.isIdentity(pair.requestBodyEncoding())
        || pair.url().contains(Comparison.REDACTED)
        || contains(pair.requestBody(), REDACTED)) {
      return false;
    }
    for (List<String> values : matched.values()) {
      for (String value : values) {
        if (value.contains(Comparison.REDACTED)) {
          return false;
        }
      }
    }
    String type = BodyType.of(pair.requestHeaders());
    String media = type.isEmpty() ? null : type.substring(0, type.indexOf('|'));
    boolean json =
        media == null
            ? view.body() instanceof Body.Json
            : media.equals("application/json")
                || media.equals("text/json")
                || media.endsWith("+json");
    boolean form = "application/x-www-form-urlencoded".equals(media);
    Body body = view.body();
    if (body instanceof Body.Json) {
      return json;
    }
    if (body instanceof Body.Form) {
      return form;
    }
    return body instanceof Body.None || !json && !form;
  }

  /**
   * Equal for views that compare equal, hosts aside; 64 bits, so that unequal ones rarely collide.
   * JSON scalars count by their text, as a recorded string compares with any value written alike.
   */
  private static long likeness(RequestView view, Map<String, List<String>> matched) {
    long body = 0;
    if (view.body() instanceof Body.Json tree) {
      body = tree(tree.tree());
    } else if (view.body() instanceof Body.Form fields) {
      body = text(fields.fields().toString());
    } else if (view.body() instanceof Body.Bytes bytes) {
      body = text(new String(bytes.bytes(), StandardCharsets.ISO_8859_1));
    }
    return mix(mix(text(view.query().toString()) + text(matched.toString())) + body);
  }

  private static long tree(JsonNode node) {
    if (node.isObject()) {
      long sum = 1; // members in any order
      for (String name : node.propertyNames()) {
        sum += mix(text(name) * 31 + tree(node.get(name)));
      }
      return mix(sum);
    }
    if (node.isArray()) {
      long hash = 2;
      for (JsonNode element : node) {
        hash = mix(hash * 31 + tree(element));
      }
      return hash;
    }
    return text(node.isString() ? node.stringValue() : node.toString());
  }

  /** FNV-1a over the characters. */
  private static long text(String text) {
    long hash = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      hash = (hash ^ text.charAt(i)) * 0x100000001b3L;
    }
    return hash;
  }

  /** MurmurHash3's finalizer. */
  private static long mix(long h) {
    h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
    h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }

  private static boolean contains(byte[] bytes, byte[] part) {
    outer:
    for (int i = 0; i + part.length <= bytes.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (bytes[i + j] != part[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private String shared(String value) {
    return value == null ? null : strings.computeIfAbsent(value, v -> v);
  }
}
