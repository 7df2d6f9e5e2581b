package dev.kubereplay.server.replay.match;

import dev.kubereplay.server.traffic.model.RequestSignature;
import java.util.List;
import java.util.Map;

/**
 * What matching keeps in memory of one recorded call: enough to find it without its bodies. The
 * pair itself is read again when it answers or when a request has to be compared part by part.
 *
 * @param order its place in recorded order
 * @param method upper case
 * @param path as recorded, still percent-encoded
 * @param host as {@link RequestView} compares it (lower case, no default port)
 * @param signature the {@link RequestSignature} of its request with the host left out (hosts are
 *     compared on their own, by the rules of {@link Comparison})
 * @param bodyType how its body is read: see {@link BodyType}
 * @param matchedHeaders the headers that take part in matching, by lower-case name
 * @param exact whether a request with the same signature, body type and matched headers is sure to
 *     match it: nothing in it was redacted and its body is read the same way both ways
 * @param likeness equal for calls that compare equal, hosts aside (a hash of its {@link
 *     RequestView})
 */
record RecordedCall(
    int order,
    long id,
    String method,
    String path,
    String host,
    RequestSignature signature,
    String bodyType,
    Map<String, List<String>> matchedHeaders,
    boolean exact,
    long likeness) {

  String methodAndPath() {
    return method + " " + path;
  }
}
