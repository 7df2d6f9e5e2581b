/**
 * Periodic work without a shared thread that can freeze: a timer (one per connection or command
 * run) only fires, and each job runs on a thread of its own, so a job that blocks (a request to an
 * API server that stopped answering, a write to a client that stopped reading) delays itself and no
 * other.
 */
package dev.kubereplay.server.timer;
