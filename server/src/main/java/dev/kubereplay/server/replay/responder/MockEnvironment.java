package dev.kubereplay.server.replay.responder;

import dev.kubereplay.server.replay.tls.LocalCa;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment that sends a program's outbound HTTP and HTTPS through the mocks and makes it
 * trust their certificates: proxy variables as curl, Go, Python and most runtimes read them, the CA
 * for OpenSSL-based clients, Node and Python requests, and the JVM's proxy and truststore
 * properties. Calls to loopback stay direct, so a program still reaches services on this machine.
 */
public final class MockEnvironment {

  private static final String NO_PROXY = "localhost,127.0.0.1,::1";

  private MockEnvironment() {}

  /** The variables, in the order they are printed. */
  public static Map<String, String> of(InetSocketAddress mocks, LocalCa ca) {
    String host = mocks.getHostString();
    String hostInUrl = host.contains(":") ? "[" + host + "]" : host;
    String proxy = "http://" + hostInUrl + ":" + mocks.getPort();
    Map<String, String> variables = new LinkedHashMap<>();
    for (String name : new String[] {"HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"}) {
      variables.put(name, proxy);
    }
    variables.put("NO_PROXY", NO_PROXY);
    variables.put("no_proxy", NO_PROXY);
    variables.put("SSL_CERT_FILE", ca.bundle().toString());
    variables.put("REQUESTS_CA_BUNDLE", ca.bundle().toString());
    variables.put("CURL_CA_BUNDLE", ca.bundle().toString());
    variables.put("NODE_EXTRA_CA_CERTS", ca.pemFile().toString());
    variables.put(
        "JAVA_TOOL_OPTIONS",
        String.join(
            " ",
            "-Dhttp.proxyHost=" + host,
            "-Dhttp.proxyPort=" + mocks.getPort(),
            "-Dhttps.proxyHost=" + host,
            "-Dhttps.proxyPort=" + mocks.getPort(),
            "-Dhttp.nonProxyHosts=localhost|127.*|[::1]",
            "-Djavax.net.ssl.trustStore=" + ca.truststore(),
            "-Djavax.net.ssl.trustStorePassword=" + LocalCa.TRUSTSTORE_PASSWORD,
            "-Djavax.net.ssl.trustStoreType=PKCS12"));
    return variables;
  }

  /** {@code export NAME='value'} lines for a POSIX shell, as {@code mock --print-env} prints. */
  public static String asShell(Map<String, String> variables) {
    StringBuilder lines = new StringBuilder();
    variables.forEach(
        (name, value) ->
            lines
                .append("export ")
                .append(name)
                .append("='")
                .append(value.replace("'", "'\\''"))
                .append("'\n"));
    return lines.toString();
  }
}
