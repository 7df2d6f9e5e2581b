package dev.kubereplay.server.traffic.redact;

/**
 * Private key blocks in text: {@code -----BEGIN ... PRIVATE KEY-----} (PKCS#1 and #8, EC, OpenSSH,
 * encrypted, PGP's {@code PRIVATE KEY BLOCK}) up to their END line, with line breaks as they are or
 * as JSON escapes. A block cut short ends where its base64 does. Certificates and public keys are
 * not private keys and stay.
 */
final class PrivateKeys {

  /** Private keys are a few KB; a block that does not end within this is cut here. */
  private static final int LIMIT = 256 * 1024;

  private PrivateKeys() {}

  /** The end of the private key block that starts at {@code start}, or -1. */
  static int end(String text, int start) {
    if (!text.startsWith("-----BEGIN ", start)) {
      return -1;
    }
    int labelEnd = text.indexOf("-----", start + 11); // stops at the next block at the latest
    if (labelEnd < 0 || labelEnd - start > 80) {
      return -1;
    }
    String label = text.substring(start + 11, labelEnd);
    if (!label.endsWith("PRIVATE KEY") && !label.endsWith("PRIVATE KEY BLOCK")) {
      return -1;
    }
    int end = labelEnd + 5;
    int limit = (int) Math.min(text.length(), (long) end + LIMIT);
    while (end < limit && body(text, end)) {
      end++;
    }
    if (text.startsWith("-----END ", end)) {
      int close = text.indexOf("-----", end + 9);
      if (close > 0 && close - end < 80) {
        end = close + 5;
      }
    }
    return end;
  }

  /** Base64, line breaks (also as JSON escapes) and the headers of legacy encrypted keys. */
  private static boolean body(String text, int at) {
    char c = text.charAt(at);
    if (c == '-') {
      return !text.startsWith("-----", at);
    }
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || "+/=\r\n\t \\:,".indexOf(c) >= 0;
  }
}
