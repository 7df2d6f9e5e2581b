package dev.kubereplay.server.traffic.model;

/** One HTTP header line; a message keeps its headers in order, repeated names included. */
public record Header(String name, String value) {}
