package dev.kubereplay.server.cluster.views;

/**
 * Something wrong with one pod of a workload.
 *
 * @param pod the pod's name
 * @param container the container concerned, or null for the whole pod
 * @param reason e.g. {@code CrashLoopBackOff}, {@code OOMKilled}, {@code Pending}
 * @param message the detail, or null
 */
public record PodProblem(String pod, String container, String reason, String message) {}
