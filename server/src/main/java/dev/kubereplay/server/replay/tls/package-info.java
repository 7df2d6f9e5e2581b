/**
 * TLS for the mocks: the local certificate authority that kubereplay makes once per data directory
 * ({@link dev.kubereplay.server.replay.tls.LocalCa}), exported as PEM and as a Java truststore for
 * the user's programs to trust, and the server certificates it issues per host on the fly ({@link
 * dev.kubereplay.server.replay.tls.HostCertificates}) so HTTPS calls through the mocks' {@code
 * CONNECT} proxy can be answered from a recording.
 */
package dev.kubereplay.server.replay.tls;
