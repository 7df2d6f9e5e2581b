package dev.kubereplay.protocol;

/**
 * The {@code data} of every kubereplay error response.
 *
 * @param errorCode the {@link ErrorCode} constant's name, e.g. {@code "KUBECONFIG_MALFORMED"}
 * @param subject what the error is about (a file, a context, an object), when there is one
 */
public record ErrorDataDto(ErrorCode errorCode, @Nullable String subject) {}
