package dev.kubereplay.protocol.traffic;

/**
 * The answer to {@code traffic/startRecording}.
 *
 * @param recordingId the recording, for {@code traffic/stopRecording} and {@code traffic/didRecord}
 * @param address where the proxy listens, {@code host:port} with the port bound
 * @param snapshotId the snapshot the pairs go into; listed once the recording is stopped
 */
public record StartRecordingResponse(String recordingId, String address, String snapshotId) {}
