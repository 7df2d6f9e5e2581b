/**
 * Stored traffic as a service: importing recordings (formats are plug-ins, each in its own
 * package), desktop recordings through the recording proxy ({@code record}), browsing, managing and
 * exporting snapshots ({@link dev.kubereplay.server.traffic.TrafficService}), with redaction before
 * anything is stored ({@code redact}).
 *
 * <p>Replay reads pairs as recorded through {@link dev.kubereplay.server.traffic.RecordedPairs}
 * ({@code TrafficService.recordedPairs()}): the IN or OUT pairs of a snapshot in recorded order,
 * bodies as the bytes recorded (not the display text the IDEs' pair view gets), and each pair's
 * request signature for matching. The pair model itself is in {@code traffic.model}; the HTTP
 * plumbing in {@code dev.kubereplay.server.http}.
 */
package dev.kubereplay.server.traffic;
