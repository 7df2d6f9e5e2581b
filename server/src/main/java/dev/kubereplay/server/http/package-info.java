/**
 * HTTP plumbing shared by everything that receives or sends recorded traffic: the recording proxy
 * now, the responder (mocks) and the generator (replayed tests) next.
 *
 * <ul>
 *   <li>{@link dev.kubereplay.server.http.Upstream}: sends a request on with OkHttp exactly as
 *       recorded (no added {@code Accept-Encoding} or {@code User-Agent}, no redirects followed,
 *       never through a proxy) and hands back the upstream's bytes unchanged.
 *   <li>{@link dev.kubereplay.server.http.HopByHop}: the headers that belong to one connection and
 *       are not forwarded or replayed (RFC 9110 section 7.6.1).
 *   <li>{@link dev.kubereplay.server.http.ContentCodings}: undoing gzip, deflate and Brotli with a
 *       limit on the decoded size, for reading a body stored in the coding it was sent in.
 *   <li>{@link dev.kubereplay.server.http.Urls} and {@link dev.kubereplay.server.http.Hosts}: the
 *       parts of a recorded URL read leniently, and hosts as recorded pairs name them (lower case,
 *       no default port), whether typed bare or pasted as a URL.
 *   <li>{@link dev.kubereplay.server.http.ListenAddress}: a listener's {@code host:port} (the
 *       recording proxy's {@code --listen}), read and written.
 * </ul>
 */
package dev.kubereplay.server.http;
