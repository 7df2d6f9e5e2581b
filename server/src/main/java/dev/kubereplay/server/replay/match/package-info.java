/**
 * Matching live requests to recorded calls, for the mocks: method and path looked up at once, then
 * host, the headers that name an operation, the query (order-free) and the body (JSON as values,
 * forms as fields, anything else as bytes), with redacted values matching anything and leniency for
 * what varies by nature. A miss comes with the closest recorded calls and what differed.
 */
package dev.kubereplay.server.replay.match;
