package dev.kubereplay.protocol.traffic;

/**
 * Parameters of {@code traffic/didRecord}: a recording's count so far.
 *
 * @param recordingId the recording
 * @param pairs pairs recorded so far
 * @param lastRequest the latest one, e.g. {@code "GET http://127.0.0.1:8080/users/7"}
 */
public record DidRecordParams(String recordingId, long pairs, String lastRequest) {}
