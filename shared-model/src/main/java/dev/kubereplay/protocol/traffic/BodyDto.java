package dev.kubereplay.protocol.traffic;

import dev.kubereplay.protocol.Nullable;

/**
 * A message body: {@code text} when it is UTF-8 text (pretty-printed when it is JSON), else {@code
 * base64}; both absent when empty.
 *
 * @param size the stored body's size in bytes
 * @param contentType the message's Content-Type
 * @param contentEncoding the content coding the stored bytes are in ({@code gzip}, ...)
 * @param text the body as text
 * @param base64 the body's bytes, base64, when it is not text
 * @param prettyPrinted true when {@code text} is JSON re-indented for reading
 */
public record BodyDto(
    long size,
    @Nullable String contentType,
    @Nullable String contentEncoding,
    @Nullable String text,
    @Nullable String base64,
    boolean prettyPrinted) {}
