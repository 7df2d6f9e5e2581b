package dev.kubereplay.protocol.traffic;

/**
 * Answer to {@code traffic/exportSnapshot}.
 *
 * @param path the file written, absolute
 * @param pairs pairs written
 * @param bytes the file's size
 */
public record ExportSnapshotResponse(String path, long pairs, long bytes) {}
