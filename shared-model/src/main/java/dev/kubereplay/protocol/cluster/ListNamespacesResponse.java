package dev.kubereplay.protocol.cluster;

import dev.kubereplay.protocol.Nullable;
import java.util.List;

/**
 * Answer to {@code cluster/listNamespaces}.
 *
 * @param namespaces the namespace names, sorted
 * @param fallback true when the user may not list namespaces and only the context's namespace is
 *     answered
 * @param message why the fallback was taken
 */
public record ListNamespacesResponse(
    List<String> namespaces, boolean fallback, @Nullable String message) {}
