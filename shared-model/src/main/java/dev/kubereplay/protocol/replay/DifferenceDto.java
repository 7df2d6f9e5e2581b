package dev.kubereplay.protocol.replay;

import dev.kubereplay.protocol.Nullable;

/**
 * One way a request differs from a recorded one.
 *
 * @param part what differs
 * @param where the query parameter, header or JSON path ({@code $.items[0].sku}); empty for the
 *     method, host, path or a body as a whole
 * @param expected what was recorded; null when the request has something the recording lacks
 * @param actual what the request has; null when it lacks something recorded
 */
public record DifferenceDto(
    DifferencePart part, String where, @Nullable String expected, @Nullable String actual) {}
