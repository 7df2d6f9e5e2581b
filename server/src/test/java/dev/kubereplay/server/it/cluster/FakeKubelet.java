package dev.kubereplay.server.it.cluster;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Stands in for the kubelet, which cannot run here: the test API server proxies {@code pods/log} of
 * pods bound to a node whose kubelet endpoint is this server on 127.0.0.1, and it answers a follow
 * with a line every 100 ms until the reader goes away. kube-apiserver does not check a kubelet's
 * certificate unless given a CA for it, so a self-signed one (made by the JDK's keytool) is enough.
 */
final class FakeKubelet implements AutoCloseable {

  private static final char[] PASSWORD = "kubelet".toCharArray();

  private final HttpsServer server;
  private final ExecutorService threads;

  private FakeKubelet(HttpsServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
  }

  static FakeKubelet start(Path dir) throws Exception {
    SSLContext tls = SSLContext.getInstance("TLS");
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(keyStore(dir.resolve("kubelet.p12")), PASSWORD);
    tls.init(keys.getKeyManagers(), null, null);
    HttpsServer server =
        HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    ExecutorService threads =
        Executors.newCachedThreadPool(
            runnable -> {
              Thread thread = new Thread(runnable, "fake-kubelet");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(threads);
    server.createContext("/containerLogs/", FakeKubelet::streamLog);
    server.start();
    return new FakeKubelet(server, threads);
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** {@code /containerLogs/NAMESPACE/POD/CONTAINER}: "POD line N", one every 100 ms. */
  private static void streamLog(HttpExchange exchange) throws IOException {
    String[] path = exchange.getRequestURI().getPath().split("/");
    String pod = path.length > 3 ? path[3] : "?";
    exchange.getResponseHeaders().set("Content-Type", "text/plain");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      for (int n = 0; n < 100_000; n++) {
        out.write((pod + " line " + n + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        Thread.sleep(100);
      }
    } catch (IOException e) {
      // the API server closed the stream: the follow ended
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      exchange.close();
    }
  }

  private static KeyStore keyStore(Path file) throws Exception {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "kubelet",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=fake-kubelet",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                file.toString(),
                "-storepass",
                new String(PASSWORD))
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("keytool failed: " + output);
    }
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, PASSWORD);
    }
    return store;
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
