package dev.kubereplay.server.rpc;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.kubereplay.protocol.ErrorCode;
import dev.kubereplay.protocol.ServerLaunch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * The start of a {@code serve --port} connection: the client's first line must present the token
 * ({@link ServerLaunch#TOKEN_PREFIX}). Until it has, nothing of the protocol is served and every
 * read is bounded. A client without the right token gets an {@link ErrorCode#UNAUTHORIZED} answer
 * to its first request, so it can say why, and is then closed.
 */
final class TokenHandshake {

  static final int MAX_LINE_BYTES = 512;
  private static final int MAX_HEADER_LINES = 8;
  private static final int MAX_REFUSED_BODY_BYTES = 64 * 1024;
  private static final String CONTENT_LENGTH = "content-length:";

  private TokenHandshake() {}

  /**
   * Reads the client's first line from {@code in} (a socket with a read timeout). Answers true when
   * it presents {@code token}: the stream then stands at the first frame. Otherwise answers the
   * client's first request with {@code UNAUTHORIZED} and returns false, for the caller to close.
   */
  static boolean check(InputStream in, OutputStream out, ConnectionToken token) throws IOException {
    byte[] first = readLine(in);
    if (first == null) {
      return false;
    }
    if (token.presentedBy(first)) {
      return true;
    }
    boolean noTokenLine = startsWithContentLength(first);
    refuse(in, out, noTokenLine ? first : null);
    return false;
  }

  /** Reads one bounded frame (its headers start with {@code firstHeader} when not null). */
  private static void refuse(InputStream in, OutputStream out, byte[] firstHeader)
      throws IOException {
    long length = -1;
    for (int i = 0; i < MAX_HEADER_LINES; i++) {
      byte[] header = i == 0 && firstHeader != null ? firstHeader : readLine(in);
      if (header == null) {
        return;
      }
      if (header.length == 0) {
        break;
      }
      if (startsWithContentLength(header)) {
        String text = new String(header, StandardCharsets.US_ASCII);
        try {
          length = Long.parseLong(text.substring(CONTENT_LENGTH.length()).strip());
        } catch (NumberFormatException e) {
          return;
        }
      }
    }
    if (length < 0 || length > MAX_REFUSED_BODY_BYTES) {
      return;
    }
    JsonElement id = idOf(in.readNBytes((int) length));
    if (id == null) {
      return;
    }
    out.write(frame(unauthorized(id, firstHeader != null)));
    out.flush();
  }

  private static JsonObject unauthorized(JsonElement id, boolean noTokenLine) {
    JsonObject error = new JsonObject();
    error.addProperty("code", ErrorCode.UNAUTHORIZED.code());
    error.addProperty(
        "message",
        (noTokenLine
                ? "this kubereplay server (serve --port) serves only clients that present its"
                    + " token"
                : "wrong token for this kubereplay server (serve --port)")
            + ": set "
            + ServerLaunch.TOKEN_VARIABLE
            + " to the token it printed at start");
    JsonObject data = new JsonObject();
    data.addProperty("errorCode", ErrorCode.UNAUTHORIZED.name());
    error.add("data", data);
    JsonObject response = new JsonObject();
    response.addProperty("jsonrpc", "2.0");
    response.add("id", id);
    response.add("error", error);
    return response;
  }

  private static byte[] frame(JsonObject message) {
    byte[] body = message.toString().getBytes(StandardCharsets.UTF_8);
    byte[] header =
        ("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] frame = Arrays.copyOf(header, header.length + body.length);
    System.arraycopy(body, 0, frame, header.length, body.length);
    return frame;
  }

  private static boolean startsWithContentLength(byte[] line) {
    return new String(line, StandardCharsets.US_ASCII)
        .toLowerCase(Locale.ROOT)
        .startsWith(CONTENT_LENGTH);
  }

  private static JsonElement idOf(byte[] body) {
    try {
      JsonElement message = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
      if (message.isJsonObject() && message.getAsJsonObject().has("id")) {
        return message.getAsJsonObject().get("id");
      }
    } catch (RuntimeException e) {
      // not JSON: nothing to answer
    }
    return null;
  }

  /**
   * The bytes up to the next {@code \n}, without it or a {@code \r} before it; null when the stream
   * ends first or the line is longer than {@link #MAX_LINE_BYTES}.
   */
  static byte[] readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int i = 0; i <= MAX_LINE_BYTES; i++) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int n = bytes.length;
        return n > 0 && bytes[n - 1] == '\r' ? Arrays.copyOf(bytes, n - 1) : bytes;
      }
      line.write(b);
    }
    return null;
  }
}
