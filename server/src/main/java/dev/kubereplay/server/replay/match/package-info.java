/**
 * Matching live requests to recorded calls, for the mocks: method and path looked up at once, then
 * host, the headers that name an operation, the query (order-free) and the body (JSON as values,
 * forms as fields, anything else as bytes), with redacted values matching anything and leniency for
 * what varies by nature. A miss comes with the closest recorded calls and what differed. Most
 * requests are found by their request signature alone, with the same outcome; the recorded pairs
 * themselves stay in the store until they answer or are compared.
 */
package dev.kubereplay.server.replay.match;
