/**
 * The recordings database (SQLite, one file in the data directory): snapshots and their pairs,
 * versioned migrations, imports and desktop recordings written in the background.
 *
 * <p>For replay: {@link dev.kubereplay.server.traffic.store.PairStream} reads a snapshot's pairs of
 * one direction in recorded order as stored (raw bodies and headers), or only their ids and {@link
 * dev.kubereplay.server.traffic.model.RequestSignature}s, which the store computes when it writes a
 * pair (schema 4 re-keyed pairs stored earlier). Services outside {@code traffic} reach it through
 * {@link dev.kubereplay.server.traffic.RecordedPairs}.
 */
package dev.kubereplay.server.traffic.store;
