package dev.kubereplay.protocol.traffic;

import dev.kubereplay.protocol.ErrorCode;
import dev.kubereplay.protocol.Nullable;

/**
 * Why a long operation failed: what its request would have failed with.
 *
 * @param code e.g. {@code IMPORT_FAILED} or {@code REQUEST_CANCELLED}
 * @param message one line naming the file, where in it, and why
 * @param subject what it is about (a file), when there is one
 */
public record OperationErrorDto(ErrorCode code, String message, @Nullable String subject) {}
