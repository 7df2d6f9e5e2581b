package dev.kubereplay.server.cli;

/** What {@code -o} asks for: a table for people, JSON (the protocol's shapes) for scripts. */
public enum OutputFormat {
  table,
  json
}
