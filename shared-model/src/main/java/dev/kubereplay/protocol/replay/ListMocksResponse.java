package dev.kubereplay.protocol.replay;

import java.util.List;

/** Answer of {@code replay/listMocks}: the mocks running now, oldest first. */
public record ListMocksResponse(List<MocksDto> mocks) {}
