package dev.kubereplay.protocol.initialize;

import java.util.List;

/**
 * What the server offers.
 *
 * @param requests every request method the server answers, e.g. {@code "cluster/listContexts"}, so
 *     a newer client can tell what an older server lacks
 */
public record ServerCapabilitiesDto(List<String> requests) {}
