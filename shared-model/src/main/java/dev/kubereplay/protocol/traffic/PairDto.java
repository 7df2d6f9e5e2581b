package dev.kubereplay.protocol.traffic;

import dev.kubereplay.protocol.Nullable;
import java.util.Map;

/**
 * One pair with everything recorded.
 *
 * @param summary what lists show
 * @param uuid the id the source gave it
 * @param httpVersion e.g. {@code HTTP/1.1}
 * @param statusMessage the response's reason phrase
 * @param request the request's headers and body
 * @param response the response's headers and body
 * @param tags labels from the source
 */
public record PairDto(
    PairSummaryDto summary,
    @Nullable String uuid,
    @Nullable String httpVersion,
    @Nullable String statusMessage,
    MessageDto request,
    MessageDto response,
    Map<String, String> tags) {}
