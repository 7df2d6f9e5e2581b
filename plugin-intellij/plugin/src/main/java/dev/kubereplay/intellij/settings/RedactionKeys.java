package dev.kubereplay.intellij.settings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The extra redaction keys of the settings page: JSON keys and query parameters the server redacts
 * in every import and desktop recording besides its defaults and {@code redaction.json}, sent as
 * {@code redactKeys}. Typed one per line or comma-separated; each is trimmed, blank entries and
 * repeats are dropped, and an entry with whitespace inside is refused by name.
 */
public final class RedactionKeys {

  /** What the server redacts whatever the settings say, as the settings page explains it. */
  public static final String ALWAYS_REDACTED =
      "Always redacted, in every import and desktop recording, before anything is stored: the"
          + " headers Authorization, Proxy-Authorization, Cookie, Set-Cookie, X-Api-Key, X-Auth"
          + " and X-Auth-User, any header whose name contains token, secret, passw, apikey,"
          + " credential, session or privatekey; the JSON keys, form fields and query parameters"
          + " password, passwd, passphrase, token, secret, access_token, refresh_token, id_token,"
          + " client_secret, api_key, private_key, secret_key, aws_secret_access_key,"
          + " connection_string, authorization and more, in any case and spelling (privateKey,"
          + " private_key), and any key ending in password, secret, api_key or access_token; and,"
          + " wherever they appear, private keys (PEM), passwords in URLs"
          + " (postgres://user:password@host), JWTs, well-known access keys (AWS, GitHub, GitLab,"
          + " Slack, Stripe, …) and card numbers. The keys above are added to these, and so are"
          + " the headers and keys of redaction.json in the server's data directory"
          + " (KUBEREPLAY_HOME, by default ~/.local/share/kubereplay).";

  /** How the keys are typed. */
  public static final String HINT =
      "One per line or comma-separated, e.g. card_number, ssn. Keys match in any case.";

  private RedactionKeys() {}

  /** An entry that is not a key: it has whitespace inside. */
  public static final class InvalidKeyException extends Exception {
    private final String entry;

    InvalidKeyException(String entry) {
      super(
          "\""
              + entry
              + "\" is not a redaction key: a key is one JSON key or query parameter name,"
              + " without spaces (e.g. card_number)");
      this.entry = entry;
    }

    /** The entry as typed, trimmed. */
    public String entry() {
      return entry;
    }
  }

  /**
   * The keys typed in {@code text}, in the order typed: trimmed, blank entries dropped, repeats (in
   * any case, as the server matches keys) dropped after their first spelling.
   *
   * @throws InvalidKeyException naming the first entry that has whitespace inside
   */
  public static List<String> parse(String text) throws InvalidKeyException {
    Map<String, String> keys = new LinkedHashMap<>();
    for (String entry : entries(text)) {
      if (!isKey(entry)) {
        throw new InvalidKeyException(entry);
      }
      keys.putIfAbsent(entry.toLowerCase(Locale.ROOT), entry);
    }
    return List.copyOf(keys.values());
  }

  /**
   * Keys as stored, cleaned as {@link #parse} would clean them, but leniently: entries that are not
   * keys (a hand-edited settings file) are dropped rather than refused.
   */
  public static List<String> clean(Collection<String> stored) {
    Map<String, String> keys = new LinkedHashMap<>();
    if (stored != null) {
      for (String key : stored) {
        String trimmed = key == null ? "" : key.trim();
        if (isKey(trimmed)) {
          keys.putIfAbsent(trimmed.toLowerCase(Locale.ROOT), trimmed);
        }
      }
    }
    return List.copyOf(keys.values());
  }

  /** The keys as the settings page shows them: one per line. */
  public static String text(List<String> keys) {
    return String.join("\n", keys);
  }

  /** A key: non-empty, no whitespace (no-break spaces included). */
  public static boolean isKey(String entry) {
    return !entry.isEmpty()
        && entry.codePoints().noneMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
  }

  /** The entries of {@code text}, split at line breaks and commas, trimmed, blanks dropped. */
  private static List<String> entries(String text) {
    List<String> entries = new ArrayList<>();
    if (text == null) {
      return entries;
    }
    for (String part : text.split("[,\\r\\n]")) {
      String trimmed = part.strip();
      if (!trimmed.isEmpty()) {
        entries.add(trimmed);
      }
    }
    return entries;
  }
}
