/**
 * Walking a recorded JSON value beside a live one, for the mocks' matching and replays' comparison.
 */
package dev.kubereplay.server.replay.json;
