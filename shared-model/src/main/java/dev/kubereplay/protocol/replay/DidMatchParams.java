package dev.kubereplay.protocol.replay;

import java.util.List;

/**
 * Requests running mocks answered since the last notification.
 *
 * @param mocksId the mocks
 * @param matches the requests, in the order they were answered
 * @param unsent requests answered but left out, so that a busy app cannot flood the client
 */
public record DidMatchParams(String mocksId, List<MatchDto> matches, long unsent) {}
