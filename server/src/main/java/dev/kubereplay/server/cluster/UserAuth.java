package dev.kubereplay.server.cluster;

/** How a kubeconfig user authenticates, read from which fields it sets (never their values). */
public enum UserAuth {
  CLIENT_CERTIFICATE,
  TOKEN,
  BASIC,
  EXEC,
  AUTH_PROVIDER,
  NONE
}
