package dev.kubereplay.protocol.logs;

/**
 * One log line.
 *
 * @param pod the pod it came from
 * @param container the container it came from
 * @param text the line, without its line break
 */
public record LogLineDto(String pod, String container, String text) {}
