/**
 * Comparing a replayed response with its recording: status, chosen headers and the body (JSON as
 * values, each difference with its path), with noise — timestamps, ids, durations — recognised
 * without configuration, and ignored JSON paths and headers from the workspace or options.
 */
package dev.kubereplay.server.replay.compare;
