package dev.kubereplay.protocol.traffic;

import java.util.List;

/** A request or response: headers in order, and the body. */
public record MessageDto(List<HeaderDto> headers, BodyDto body) {}
