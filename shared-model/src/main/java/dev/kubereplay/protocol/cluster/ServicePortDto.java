package dev.kubereplay.protocol.cluster;

import dev.kubereplay.protocol.Nullable;

/**
 * One port of a Service.
 *
 * @param name the port's name, if any
 * @param port the service port
 * @param targetPort the target port, a number or a container port name
 * @param protocol {@code TCP}, {@code UDP} or {@code SCTP}
 * @param nodePort the node port, for NodePort and LoadBalancer services
 */
public record ServicePortDto(
    @Nullable String name,
    int port,
    String targetPort,
    String protocol,
    @Nullable Integer nodePort) {}
