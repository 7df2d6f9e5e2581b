package dev.kubereplay.server.replay.match;

import dev.kubereplay.server.replay.responder.MockRequest;
import dev.kubereplay.server.traffic.model.Header;
import dev.kubereplay.server.traffic.model.RequestSignature;
import dev.kubereplay.server.traffic.model.RequestSigner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds a request's matches by its signature, without comparing it part by part: where every call
 * recorded for its method and path is exact and no two of them compare equal with different
 * signatures ({@link CallIndex}), the calls a request matches are those with its signature, host,
 * body type and matched headers. When that finds nothing, the answer is left to the comparison
 * (which also explains misses), so the outcome is the same either way.
 */
final class SignatureMatch {

  private final CallIndex index;
  private final String[] matchedNames;
  private final Map<String, String> bodyTypes = new ConcurrentHashMap<>();
  private final ThreadLocal<RequestSigner> signers = ThreadLocal.withInitial(RequestSigner::new);

  SignatureMatch(CallIndex index, Leniency leniency) {
    this.index = index;
    this.matchedNames =
        leniency.matchedHeaders().stream().filter(leniency::matchesHeader).toArray(String[]::new);
  }

  /** The calls the request matches, in recorded order; null when the comparison must decide. */
  List<RecordedCall> hits(MockRequest request) {
    String method = request.method().toUpperCase(Locale.ROOT);
    String path = request.path();
    RequestSignature signature =
        signers
            .get()
            .sign(
                method,
                "",
                request.query() == null ? path : path + "?" + request.query(),
                request.headers(),
                request.body(),
                null);
    List<RecordedCall> same = index.bySignature.get(signature);
    if (same == null || !index.isDirect(same.get(0))) {
      return null; // a signature is of one method and path, so of one group
    }
    String host = RequestView.hostOf(request);
    boolean nameOnly = request.via() == MockRequest.Via.UPSTREAM;
    String bodyType = bodyType(request.headers());
    Map<String, List<String>> matched = matchedHeaders(request.headers());
    List<RecordedCall> hits = new ArrayList<>(same.size());
    for (RecordedCall call : same) {
      if (call.method().equals(method)
          && call.path().equals(path)
          && (host == null || host.equals(nameOnly ? RequestView.nameOf(call.host()) : call.host()))
          && call.bodyType().equals(bodyType)
          && call.matchedHeaders().equals(matched)) {
        hits.add(call);
      }
    }
    return hits.isEmpty() ? null : hits;
  }

  /** {@link BodyType#of}, remembered for the few Content-Types an app sends. */
  private String bodyType(List<Header> headers) {
    String only = null;
    for (Header header : headers) {
      if (header.name().equalsIgnoreCase("content-type")) {
        if (only != null) {
          return BodyType.of(headers);
        }
        only = header.value();
      }
    }
    if (only == null) {
      return "";
    }
    String type = bodyTypes.get(only);
    if (type == null) {
      type = BodyType.of(headers);
      if (bodyTypes.size() < 256) {
        bodyTypes.put(only, type);
      }
    }
    return type;
  }

  private Map<String, List<String>> matchedHeaders(List<Header> headers) {
    Map<String, List<String>> matched = null;
    for (Header header : headers) {
      for (String name : matchedNames) {
        if (header.name().equalsIgnoreCase(name)) {
          if (matched == null) {
            matched = new TreeMap<>();
          }
          matched.computeIfAbsent(name, n -> new ArrayList<>()).add(header.value());
        }
      }
    }
    return matched == null ? Map.of() : matched;
  }
}
