package dev.kubereplay.protocol.cluster;

import dev.kubereplay.protocol.Nullable;

/**
 * Something wrong with one of a workload's pods.
 *
 * @param pod the pod's name
 * @param container the container at fault, when it is one container
 * @param reason {@code CrashLoopBackOff}, {@code ImagePullBackOff}, {@code ErrImagePull}, {@code
 *     OOMKilled}, {@code Unready} (failing readiness probe), {@code Pending}, ...
 * @param message the details Kubernetes gives
 */
public record PodProblemDto(
    String pod, @Nullable String container, String reason, @Nullable String message) {}
