package dev.kubereplay.server.cluster.views;

/**
 * One port of a Service.
 *
 * @param name the port's name, or null
 * @param targetPort the pods' port, a number or a named port
 * @param protocol {@code TCP} when the Service does not say
 * @param nodePort the node port, or null
 */
public record ServicePortRow(
    String name, int port, String targetPort, String protocol, Integer nodePort) {}
