package dev.kubereplay.protocol.replay;

/** The parts of a request a difference can be in. */
public enum DifferencePart {
  METHOD,
  HOST,
  PATH,
  HEADER,
  QUERY,
  BODY
}
