package dev.kubereplay.server.cluster;

import java.util.List;

/**
 * The namespaces of a context.
 *
 * @param names the namespace names, sorted
 * @param fallback true when the user may not list namespaces and only the context's namespace is
 *     given
 * @param message why the fallback was taken, or null
 */
public record Namespaces(List<String> names, boolean fallback, String message) {}
