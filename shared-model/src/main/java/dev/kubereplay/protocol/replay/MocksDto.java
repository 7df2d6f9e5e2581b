package dev.kubereplay.protocol.replay;

import java.util.List;

/**
 * Running mocks.
 *
 * @param id their id, for {@code replay/stopMocks} and {@code replay/didMatch}
 * @param snapshotId the snapshot they answer from
 * @param snapshotName its name
 * @param calls how many recorded calls they answer with
 * @param address where they listen, {@code host:port}
 * @param environment the variables that send a program's calls through them and make it trust their
 *     certificates, in the order to set them
 */
public record MocksDto(
    String id,
    String snapshotId,
    String snapshotName,
    int calls,
    String address,
    List<EnvironmentVariableDto> environment) {}
