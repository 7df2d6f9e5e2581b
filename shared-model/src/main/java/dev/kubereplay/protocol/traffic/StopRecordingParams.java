package dev.kubereplay.protocol.traffic;

/** Parameters of {@code traffic/stopRecording}: the {@code recordingId} startRecording gave. */
public record StopRecordingParams(String recordingId) {}
