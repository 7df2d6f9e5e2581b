package dev.kubereplay.protocol.traffic;

/**
 * An entry of the source that was not imported.
 *
 * @param entry where it is in the source, e.g. {@code entry 12} or {@code line 40}
 * @param reason why, e.g. {@code WebSocket upgrade (wss://shop.example.test/live)}
 */
public record SkippedEntryDto(String entry, String reason) {}
