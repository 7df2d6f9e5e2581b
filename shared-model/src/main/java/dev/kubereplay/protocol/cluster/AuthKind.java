package dev.kubereplay.protocol.cluster;

/** How a kubeconfig user authenticates; travels as its name. */
public enum AuthKind {
  /** A client certificate and key. */
  CLIENT_CERTIFICATE,
  /** A bearer token, inline or in a token file. */
  TOKEN,
  /** A user name and password. */
  BASIC,
  /** An exec credential plugin (listed, not run). */
  EXEC,
  /** A legacy auth-provider (e.g. oidc). */
  AUTH_PROVIDER,
  /** No credentials, or a user entry that is missing. */
  NONE
}
