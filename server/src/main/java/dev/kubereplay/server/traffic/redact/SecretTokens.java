package dev.kubereplay.server.traffic.redact;

import java.util.Arrays;
import java.util.List;

/**
 * Access tokens recognised by their shape: JWTs and the prefixed keys of the common services (AWS
 * access key ids, Google API keys, GitHub, GitLab, Slack, Stripe, npm, Hugging Face, OpenAI and
 * Anthropic keys). Each match is a whole run of token characters, so a longer word that merely
 * starts like a token is left alone.
 */
final class SecretTokens {

  private SecretTokens() {}

  /** Which characters may follow a prefix. */
  private enum Chars {
    UPPER_DIGITS,
    ALNUM,
    ALNUM_UNDERSCORE,
    URL_SAFE // letters, digits, '_' and '-'
  }

  private record Prefix(String prefix, Chars chars, int min, int max) {}

  private static final List<Prefix> PREFIXES =
      List.of(
          new Prefix("AKIA", Chars.UPPER_DIGITS, 16, 16),
          new Prefix("ASIA", Chars.UPPER_DIGITS, 16, 16),
          new Prefix("AIza", Chars.URL_SAFE, 35, 35),
          new Prefix("ghp_", Chars.ALNUM, 36, 255),
          new Prefix("gho_", Chars.ALNUM, 36, 255),
          new Prefix("ghu_", Chars.ALNUM, 36, 255),
          new Prefix("ghs_", Chars.ALNUM, 36, 255),
          new Prefix("ghr_", Chars.ALNUM, 36, 255),
          new Prefix("github_pat_", Chars.ALNUM_UNDERSCORE, 22, 255),
          new Prefix("glpat-", Chars.URL_SAFE, 20, 255),
          new Prefix("glrt-", Chars.URL_SAFE, 20, 255),
          new Prefix("xoxa-", Chars.URL_SAFE, 10, 255),
          new Prefix("xoxb-", Chars.URL_SAFE, 10, 255),
          new Prefix("xoxe-", Chars.URL_SAFE, 10, 255),
          new Prefix("xoxp-", Chars.URL_SAFE, 10, 255),
          new Prefix("xoxr-", Chars.URL_SAFE, 10, 255),
          new Prefix("xoxs-", Chars.URL_SAFE, 10, 255),
          new Prefix("sk_live_", Chars.ALNUM, 16, 255),
          new Prefix("sk_test_", Chars.ALNUM, 16, 255),
          new Prefix("rk_live_", Chars.ALNUM, 16, 255),
          new Prefix("rk_test_", Chars.ALNUM, 16, 255),
          new Prefix("whsec_", Chars.ALNUM, 24, 255),
          new Prefix("npm_", Chars.ALNUM, 36, 36),
          new Prefix("hf_", Chars.ALNUM, 30, 255),
          new Prefix("sk-ant-", Chars.URL_SAFE, 20, 255),
          new Prefix("sk-proj-", Chars.URL_SAFE, 20, 255));

  /** The prefixes by their first character: a word that starts no token costs one look-up. */
  private static final Prefix[][] BY_FIRST = new Prefix[128][];

  /** The first characters of the prefixes, and 'e' of a JWT. */
  private static final boolean[] FIRST = new boolean[128];

  static {
    for (Prefix prefix : PREFIXES) {
      char first = prefix.prefix().charAt(0);
      Prefix[] same = BY_FIRST[first] == null ? new Prefix[0] : BY_FIRST[first];
      same = Arrays.copyOf(same, same.length + 1);
      same[same.length - 1] = prefix;
      BY_FIRST[first] = same;
      FIRST[first] = true;
    }
    FIRST['e'] = true;
  }

  /** Whether a token may start with this character. */
  static boolean mayStart(char c) {
    return c < 128 && FIRST[c];
  }

  /**
   * The end of the token that starts at {@code start}, or -1. The caller has checked that the
   * character before {@code start} is not a letter or digit.
   */
  static int end(String text, int start) {
    char first = text.charAt(start);
    if (first >= 128 || !FIRST[first]) {
      return -1;
    }
    if (first == 'e') {
      int jwt = jwt(text, start);
      if (jwt > 0) {
        return jwt;
      }
    }
    Prefix[] candidates = BY_FIRST[first];
    if (candidates == null) {
      return -1;
    }
    for (Prefix prefix : candidates) {
      if (!text.startsWith(prefix.prefix(), start)) {
        continue;
      }
      int from = start + prefix.prefix().length();
      int end = from;
      while (end < text.length() && in(prefix.chars(), text.charAt(end))) {
        end++;
      }
      int length = end - from;
      if (length >= prefix.min() && length <= prefix.max() && !wordChar(text, end)) {
        return end;
      }
    }
    return -1;
  }

  /**
   * A JWT (JWS or JWE in compact form): a header that is base64url JSON ({@code eyJ...}), then at
   * least one more dotted base64url part. The signature may be empty (an unsecured JWT).
   */
  private static int jwt(String text, int start) {
    if (!text.startsWith("eyJ", start) || (start > 0 && text.charAt(start - 1) == '.')) {
      return -1;
    }
    int end = segment(text, start);
    if (end - start < 10 || end >= text.length() || text.charAt(end) != '.') {
      return -1;
    }
    int payload = segment(text, end + 1);
    if (payload - (end + 1) < 2) {
      return -1;
    }
    end = payload;
    for (int parts = 2; parts < 5 && end < text.length() && text.charAt(end) == '.'; parts++) {
      end = segment(text, end + 1);
    }
    return end;
  }

  private static int segment(String text, int from) {
    int end = from;
    while (end < text.length() && in(Chars.URL_SAFE, text.charAt(end))) {
      end++;
    }
    return end;
  }

  private static boolean wordChar(String text, int at) {
    return at < text.length() && in(Chars.ALNUM, text.charAt(at));
  }

  private static boolean in(Chars chars, char c) {
    boolean upperOrDigit = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    return switch (chars) {
      case UPPER_DIGITS -> upperOrDigit;
      case ALNUM -> upperOrDigit || (c >= 'a' && c <= 'z');
      case ALNUM_UNDERSCORE -> upperOrDigit || (c >= 'a' && c <= 'z') || c == '_';
      case URL_SAFE -> upperOrDigit || (c >= 'a' && c <= 'z') || c == '_' || c == '-';
    };
  }
}
