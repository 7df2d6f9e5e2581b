package dev.kubereplay.server.replay;

import dev.kubereplay.server.replay.tls.LocalCa;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.file.Files;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * HTTP clients configured as an app is configured to reach mocks on {@code address}, one per way
 * in: the mocks as the upstream (every host resolves to them), as the HTTP proxy, and as the HTTPS
 * proxy with the local CA trusted (its exported truststore, as {@code JAVA_TOOL_OPTIONS} names it).
 */
final class AppClients {

  /** The ways an app reaches the mocks. */
  enum Way {
    AS_THE_UPSTREAM,
    THROUGH_HTTP_PROXY,
    THROUGH_HTTPS_PROXY
  }

  private AppClients() {}

  static OkHttpClient client(Way way, InetSocketAddress mocks, LocalCa ca) {
    OkHttpClient.Builder builder =
        new OkHttpClient.Builder()
            .callTimeout(Duration.ofSeconds(30))
            .followRedirects(false)
            .followSslRedirects(false)
            .retryOnConnectionFailure(false);
    return switch (way) {
      case AS_THE_UPSTREAM ->
          builder
              .proxy(Proxy.NO_PROXY)
              .dns(host -> List.of(InetAddress.getLoopbackAddress()))
              .build();
      case THROUGH_HTTP_PROXY -> builder.proxy(new Proxy(Proxy.Type.HTTP, mocks)).build();
      case THROUGH_HTTPS_PROXY -> {
        X509TrustManager trust = trust(ca);
        builder.sslSocketFactory(context(trust).getSocketFactory(), trust);
        yield builder.proxy(new Proxy(Proxy.Type.HTTP, mocks)).build();
      }
    };
  }

  /**
   * The URL an app configured that way sends for a call to {@code authority} ({@code host[:port]})
   * and {@code pathQuery}: its base URL pointed at the mocks' port, a plain URL through the HTTP
   * proxy, an https URL through the HTTPS proxy.
   */
  static String url(Way way, InetSocketAddress mocks, String authority, String pathQuery) {
    return switch (way) {
      case AS_THE_UPSTREAM -> "http://" + hostName(authority) + ":" + mocks.getPort() + pathQuery;
      case THROUGH_HTTP_PROXY -> "http://" + authority + pathQuery;
      case THROUGH_HTTPS_PROXY -> "https://" + authority + pathQuery;
    };
  }

  private static String hostName(String authority) {
    if (authority.startsWith("[")) {
      return authority.substring(0, authority.indexOf(']') + 1);
    }
    int colon = authority.lastIndexOf(':');
    return colon < 0 ? authority : authority.substring(0, colon);
  }

  static X509TrustManager trust(LocalCa ca) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(ca.truststore())) {
        store.load(in, LocalCa.TRUSTSTORE_PASSWORD.toCharArray());
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      return (X509TrustManager) factory.getTrustManagers()[0];
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the local CA's truststore", e);
    }
  }

  static SSLContext context(X509TrustManager trust) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trust}, null);
      return context;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
