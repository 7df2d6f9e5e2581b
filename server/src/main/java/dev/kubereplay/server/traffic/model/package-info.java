/**
 * The recorded-traffic model that recording, import, export and replay share.
 *
 * <ul>
 *   <li>{@link dev.kubereplay.server.traffic.model.RRPair}: one request/response pair, bodies kept
 *       byte for byte in the content coding they were recorded in, headers ({@link
 *       dev.kubereplay.server.traffic.model.Header}) in order with repeats; its {@link
 *       dev.kubereplay.server.traffic.model.Direction} says whether the workload received it (IN: a
 *       test the generator replays) or sent it (OUT: a call the responder mocks).
 *   <li>{@link dev.kubereplay.server.traffic.model.Snapshot}: a stored recording; {@link
 *       dev.kubereplay.server.traffic.model.StoredPair} a pair in one, with its id; {@link
 *       dev.kubereplay.server.traffic.model.Endpoint} its pairs grouped by host, method and {@link
 *       dev.kubereplay.server.traffic.model.PathTemplates path template}, with latencies ({@link
 *       dev.kubereplay.server.traffic.model.LatencyHistogram}).
 *   <li>{@link dev.kubereplay.server.traffic.model.RequestSignature}: what a mock is matched on —
 *       method, host, path, query fields in any order, and the body by meaning (JSON without regard
 *       to member order or whitespace, urlencoded forms as fields). Every stored pair carries the
 *       signature of its request; a responder computes the signature of each request it receives
 *       (with one {@link dev.kubereplay.server.traffic.model.RequestSigner} per worker thread) and
 *       looks it up among the OUT pairs' {@link
 *       dev.kubereplay.server.traffic.model.PairSignature}s, which {@link
 *       dev.kubereplay.server.traffic.RecordedPairs} streams. Two requests that a server would
 *       treat alike but that differ in these parts (e.g. a timestamp in the body) do not match:
 *       matching beyond the signature is the responder's own.
 * </ul>
 *
 * <p>The types are values: immutable records, no I/O, safe to share between threads (except {@code
 * RequestSigner}, one per thread).
 */
package dev.kubereplay.server.traffic.model;
