package dev.kubereplay.protocol.cluster;

import java.util.List;

/** Answer to {@code cluster/listSecrets}, sorted by name. */
public record ListSecretsResponse(List<SecretDto> secrets, FreshnessDto freshness) {}
