package dev.kubereplay.protocol.traffic;

/**
 * Something about an imported entry the user should know: it was imported, but not entirely as read
 * (e.g. a body kept in its content coding because decoded it would pass the limit).
 *
 * @param entry where it is in the source, e.g. {@code entry 12} or {@code line 40}
 * @param message what and why, naming the request, e.g. {@code GET https://shop.example.test/feed:
 *     response body kept gzip-coded, not checked for credentials: gzip expands past the 64 MiB
 *     decoding limit}
 */
public record ImportWarningDto(String entry, String message) {}
