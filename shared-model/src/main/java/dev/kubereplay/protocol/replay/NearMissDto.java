package dev.kubereplay.protocol.replay;

import java.util.List;

/**
 * A recorded call that came close to a request that matched nothing.
 *
 * @param pairId the recorded pair, for {@code traffic/getPair}
 * @param method its method
 * @param url its URL
 * @param differences every way the request differs from it
 */
public record NearMissDto(
    long pairId, String method, String url, List<DifferenceDto> differences) {}
