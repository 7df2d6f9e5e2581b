package dev.kubereplay.protocol;

/**
 * Every way a kubereplay request fails, as the JSON-RPC error {@code code}. The error's {@code
 * data} is an {@link ErrorDataDto} naming the constant, so clients can match on the name. Codes of
 * the JSON-RPC standard keep their standard numbers; kubereplay's own live in the
 * implementation-defined range -32000 to -32099.
 */
public enum ErrorCode {
  /** The method does not exist (JSON-RPC standard). */
  METHOD_NOT_FOUND(-32601),
  /** The parameters are missing or invalid (JSON-RPC standard). */
  INVALID_PARAMS(-32602),
  /** An unexpected failure inside the server; the message says what failed (JSON-RPC standard). */
  INTERNAL_ERROR(-32603),
  /** The request was cancelled by the client (the LSP number, which lsp4j uses). */
  REQUEST_CANCELLED(-32800),
  /** No kubeconfig file exists where kubectl would look for one. */
  KUBECONFIG_NOT_FOUND(-32001),
  /** A kubeconfig file exists but cannot be read (permissions, a directory, an I/O error). */
  KUBECONFIG_UNREADABLE(-32002),
  /** A kubeconfig file is not valid kubeconfig YAML; the message names the file and the line. */
  KUBECONFIG_MALFORMED(-32003),
  /** The named kube context is not in the kubeconfig. */
  CONTEXT_NOT_FOUND(-32004),
  /** The API server refused the call for this user (HTTP 403). */
  FORBIDDEN(-32005),
  /** The API server could not be reached. */
  CLUSTER_UNREACHABLE(-32006),
  /** The named object does not exist. */
  NOT_FOUND(-32007),
  /** The object changed underneath the request (HTTP 409); retrying may succeed. */
  CONFLICT(-32008),
  /** The server is shutting down and takes no new work. */
  SHUTTING_DOWN(-32009),
  /**
   * The connection did not present the server's token ({@code serve --port}): it is answered with
   * this error, then closed. Over stdio no token is needed.
   */
  UNAUTHORIZED(-32010),
  /**
   * Client and server speak protocol versions of different majors; the message names both and what
   * to update.
   */
  PROTOCOL_MISMATCH(-32011),
  /**
   * A file cannot be imported: unreadable, empty, malformed, truncated, the wrong format, a body
   * over the limit. The message names the file, the line or entry, and the reason; nothing is kept.
   */
  IMPORT_FAILED(-32020),
  /** No snapshot has that id. */
  SNAPSHOT_NOT_FOUND(-32021),
  /** The snapshot has no pair with that id. */
  PAIR_NOT_FOUND(-32022),
  /** A snapshot cannot be written to the file (a missing directory, no permission, disk full). */
  EXPORT_FAILED(-32023),
  /** The recordings database cannot be opened, read or written; the message says which file. */
  STORE_FAILED(-32024),
  /**
   * A listener was asked to bind beyond loopback (e.g. {@code 0.0.0.0}) where only loopback is
   * allowed: over the protocol, listeners bind {@code 127.0.0.1} or {@code ::1} only. The subject
   * is the address asked for.
   */
  LISTEN_NOT_LOOPBACK(-32025);

  private final int code;

  ErrorCode(int code) {
    this.code = code;
  }

  /** The number sent as the JSON-RPC error code. */
  public int code() {
    return code;
  }

  /** The constant for a JSON-RPC error code, or {@link #INTERNAL_ERROR} for an unknown one. */
  public static ErrorCode fromCode(int code) {
    for (ErrorCode value : values()) {
      if (value.code == code) {
        return value;
      }
    }
    return INTERNAL_ERROR;
  }
}
