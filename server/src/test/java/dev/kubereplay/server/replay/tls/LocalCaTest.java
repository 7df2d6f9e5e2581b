package dev.kubereplay.server.replay.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCaTest {

  @TempDir Path data;
  private Server jetty;

  @AfterEach
  void stop() throws Exception {
    if (jetty != null) {
      jetty.stop();
    }
  }

  @Test
  void the_ca_is_made_once_per_data_directory_with_its_key_readable_by_the_user_alone()
      throws Exception {
    LocalCa first = LocalCa.loadOrCreate(data);
    LocalCa again = LocalCa.loadOrCreate(data);

    assertThat(again.certificate()).isEqualTo(first.certificate());
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(data.resolve("ca/kubereplay-ca.key"))))
        .isEqualTo("rw-------");
    assertThat(Files.readString(first.pemFile()))
        .startsWith("-----BEGIN CERTIFICATE-----")
        .doesNotContain("PRIVATE KEY");
    first.certificate().checkValidity();
    assertThat(first.certificate().getBasicConstraints()).as("a CA").isGreaterThanOrEqualTo(0);
  }

  @Test
  void two_processes_making_the_ca_at_once_end_with_one() throws Exception {
    List<CompletableFuture<X509Certificate>> makers =
        java.util.stream.IntStream.range(0, 4)
            .mapToObj(
                i -> CompletableFuture.supplyAsync(() -> LocalCa.loadOrCreate(data).certificate()))
            .toList();

    X509Certificate kept = LocalCa.loadOrCreate(data).certificate();
    for (CompletableFuture<X509Certificate> maker : makers) {
      assertThat(maker.get(60, TimeUnit.SECONDS)).isEqualTo(kept);
    }
  }

  @Test
  void the_exported_pem_and_truststore_hold_the_ca_and_the_truststore_keeps_the_public_authorities()
      throws Exception {
    LocalCa ca = LocalCa.loadOrCreate(data);

    X509Certificate fromPem;
    try (InputStream in = Files.newInputStream(ca.pemFile())) {
      fromPem = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    assertThat(fromPem).isEqualTo(ca.certificate());
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(ca.truststore())) {
      store.load(in, LocalCa.TRUSTSTORE_PASSWORD.toCharArray());
    }
    assertThat(Collections.list(store.aliases()))
        .anySatisfy(alias -> assertThat(store.getCertificate(alias)).isEqualTo(ca.certificate()));
    assertThat(store.size()).as("the JDK's own authorities too").isGreaterThan(10);
  }

  @Test
  void
      an_https_client_that_trusts_the_truststore_reaches_any_host_name_through_issued_certificates()
          throws Exception {
    LocalCa ca = LocalCa.loadOrCreate(data);
    HostCertificates certificates = new HostCertificates(ca, "localhost");
    int port = startTls(certificates);

    OkHttpClient trusting = clientTrusting(trustFrom(ca.truststore()));
    for (String host : List.of("payments.example.test", "api.stripe.example.test")) {
      try (Response response =
          trusting
              .newCall(new Request.Builder().url("https://" + host + ":" + port + "/").build())
              .execute()) {
        assertThat(response.code()).isEqualTo(200);
        assertThat(response.body().string()).isEqualTo("hello " + host);
        X509Certificate presented =
            (X509Certificate) response.handshake().peerCertificates().get(0);
        assertThat(presented.getSubjectAlternativeNames())
            .singleElement()
            .satisfies(san -> assertThat(san.get(1)).isEqualTo(host));
        assertThat(presented.getIssuerX500Principal())
            .isEqualTo(ca.certificate().getSubjectX500Principal());
      }
    }
    assertThat(certificates.chainFor("PAYMENTS.example.test"))
        .as("issued once per host")
        .isSameAs(certificates.chainFor("payments.example.test"));
  }

  @Test
  void a_client_that_does_not_trust_the_ca_is_refused() throws Exception {
    LocalCa ca = LocalCa.loadOrCreate(data);
    int port = startTls(new HostCertificates(ca, "localhost"));

    OkHttpClient jdkDefault = clientTrusting(trustFrom(null));

    assertThatThrownBy(
            () ->
                jdkDefault
                    .newCall(
                        new Request.Builder()
                            .url("https://payments.example.test:" + port + "/")
                            .build())
                    .execute())
        .isInstanceOf(SSLHandshakeException.class);
  }

  private int startTls(HostCertificates certificates) throws Exception {
    jetty = new Server();
    SslContextFactory.Server tls = new SslContextFactory.Server();
    tls.setSslContext(certificates.serverContext());
    HttpConfiguration config = new HttpConfiguration();
    config.addCustomizer(new SecureRequestCustomizer());
    ServerConnector connector =
        new ServerConnector(
            jetty, new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(config));
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    jetty.addConnector(connector);
    jetty.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(
              org.eclipse.jetty.server.Request request,
              org.eclipse.jetty.server.Response response,
              Callback callback) {
            response.write(
                true,
                StandardCharsets.UTF_8.encode(
                    "hello " + org.eclipse.jetty.server.Request.getServerName(request)),
                callback);
            return true;
          }
        });
    jetty.start();
    return connector.getLocalPort();
  }

  private static X509TrustManager trustFrom(Path truststore) throws Exception {
    KeyStore store = null;
    if (truststore != null) {
      store = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(truststore)) {
        store.load(in, LocalCa.TRUSTSTORE_PASSWORD.toCharArray());
      }
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return (X509TrustManager) factory.getTrustManagers()[0];
  }

  /** A client that resolves every name to loopback, as a program behind the mocks' proxy would. */
  private static OkHttpClient clientTrusting(X509TrustManager trust) throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new javax.net.ssl.TrustManager[] {trust}, null);
    return new OkHttpClient.Builder()
        .proxy(Proxy.NO_PROXY)
        .dns(host -> List.of(InetAddress.getLoopbackAddress()))
        .sslSocketFactory(context.getSocketFactory(), trust)
        .callTimeout(Duration.ofSeconds(30))
        .build();
  }
}
