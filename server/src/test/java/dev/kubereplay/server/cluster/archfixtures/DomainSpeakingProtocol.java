package dev.kubereplay.server.cluster.archfixtures;

import dev.kubereplay.protocol.cluster.WorkloadRefDto;

/** Breaks the domain rule on purpose: a domain class that answers with a protocol DTO. */
public final class DomainSpeakingProtocol {

  private DomainSpeakingProtocol() {}

  public static WorkloadRefDto api() {
    return new WorkloadRefDto("Deployment", "api");
  }
}
