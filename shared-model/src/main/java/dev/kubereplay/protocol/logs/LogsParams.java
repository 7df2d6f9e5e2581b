package dev.kubereplay.protocol.logs;

import dev.kubereplay.protocol.Nullable;
import java.time.Duration;

/**
 * Which logs: parameters of {@code logs/get} and {@code logs/follow}.
 *
 * @param context the kube context; the current context when absent
 * @param namespace the namespace; the context's namespace when absent
 * @param target a workload's name (all its pods, each line prefixed with its pod) or a pod's name
 * @param kind {@code Deployment}, {@code StatefulSet}, {@code DaemonSet} or {@code Pod}; when
 *     absent a workload of that name is looked for first, then a pod
 * @param container a container by name; the app container (the first that is not the sidecar) when
 *     absent
 * @param sidecar the kubereplay sidecar's logs instead of the app container's
 * @param previous the previous, terminated instance of the container
 * @param tailLines only the last lines
 * @param since only lines newer than this (milliseconds on the wire)
 */
public record LogsParams(
    @Nullable String context,
    @Nullable String namespace,
    String target,
    @Nullable String kind,
    @Nullable String container,
    boolean sidecar,
    boolean previous,
    @Nullable Integer tailLines,
    @Nullable Duration since) {}
