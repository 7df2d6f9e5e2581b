package dev.kubereplay.protocol.traffic;

/**
 * Parameters of {@code traffic/exportSnapshot}.
 *
 * @param snapshotId the snapshot
 * @param format {@code jsonl} (kubereplay's lossless format) or {@code har}
 * @param path the file to write, as the server's file system sees it; replaced if it exists
 */
public record ExportSnapshotParams(String snapshotId, String format, String path) {}
