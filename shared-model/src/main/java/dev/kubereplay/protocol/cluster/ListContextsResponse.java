package dev.kubereplay.protocol.cluster;

import dev.kubereplay.protocol.Nullable;
import java.util.List;

/**
 * Answer to {@code cluster/listContexts}.
 *
 * @param contexts every context, in kubeconfig order (files in {@code KUBECONFIG} order)
 * @param currentContext the {@code current-context} of the first file that sets one, if any
 * @param kubeconfigFiles the files that were read, in order
 */
public record ListContextsResponse(
    List<KubeContextDto> contexts, @Nullable String currentContext, List<String> kubeconfigFiles) {}
