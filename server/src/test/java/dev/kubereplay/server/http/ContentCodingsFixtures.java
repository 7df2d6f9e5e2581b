package dev.kubereplay.server.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

/** Coded bodies for tests (there is no Brotli encoder in Java: this one was made with Node). */
public final class ContentCodingsFixtures {

  private ContentCodingsFixtures() {}

  /**
   * {@code {"orders":[{"id":0,"status":"shipped","note":"fragile goods"},…]}} (40 orders, 2,082
   * bytes), Brotli-coded.
   */
  public static byte[] brotliOrders() {
    return Base64.getDecoder()
        .decode(
            "GyEIIBwHdiyzjSCYf2UnhrC51JeboB7h6Y+2DktXXxUPycuD5vQRj2B5APYYQ1lXqKlsHmN9m5QhRy3u//lrknyk"
                + "Jaa7FRkfRL84c+tKGc+FgYmFjQs3Hrz4ztGAa0BTS1uXbj168UUzNTS1tHXp1qMXX7RSQ1NLW5duPXrV5Q4=");
  }

  /**
   * {@code {"user":"ada","password":"hunter2-canary","items":[1,2,3],"items2":[1,2,3],
   * "items3":[1,2,3]}}, Brotli-coded.
   */
  public static byte[] brotliLogin() {
    return Base64.getDecoder()
        .decode(
            "G1sA4B0Hdkz4B7FwIm6WsoVsj2h45AfWZxhlgQ6WLDpdjnGAg/o4DLLw54OHLHxSZYJMM69si6TIDdBxn5+HKq0p0XMjND8=");
  }

  public static byte[] gzip(byte[] body) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
        gzip.write(body);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
