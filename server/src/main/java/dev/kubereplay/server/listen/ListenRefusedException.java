package dev.kubereplay.server.listen;

import dev.kubereplay.server.KubeReplayException;

/**
 * A listener was asked to bind beyond loopback without the user's explicit consent. The message
 * says why that is refused and how to listen instead; the subject is the address asked for.
 */
public final class ListenRefusedException extends KubeReplayException {

  private static final long serialVersionUID = 1L;

  ListenRefusedException(String address, String message) {
    super(address, message);
  }
}
