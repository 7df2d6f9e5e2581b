package dev.kubereplay.server.traffic.redact;

/**
 * Finds credentials in any text by their shape, as data-loss-prevention tools do, and replaces each
 * with {@link RedactionRules#REDACTED}: private key blocks ({@link PrivateKeys}), the password of a
 * URL's user info wherever a URL appears ({@code postgres://u:-REDACTED-@db/x}, the URL kept), JWTs
 * and prefixed access keys ({@link SecretTokens}), card numbers ({@link CardNumbers}), and the
 * value of {@code name=value} or {@code name: value} when the name is a key to redact (connection
 * strings, form text, YAML; the value runs to the end of the line or a separator such as {@code ;}
 * or {@code &}). Public certificates, UUIDs and plain numbers stay.
 *
 * <p>One pass over the text: every detector looks a bounded distance back and consumes what it
 * reads, so a large body costs time in proportion to its size, whatever it holds.
 */
final class SecretText {

  /** How far back a {@code name=} is read: longer names are not keys. */
  private static final int NAME_LIMIT = 64;

  /** The characters where a secret (or JSON string state) may start: 1, others 0. */
  private static final byte[] TRIGGERS = new byte[128];

  static {
    for (char c : "\"\\-:=23456".toCharArray()) {
      TRIGGERS[c] = 1;
    }
    for (char c = 0; c < 128; c++) {
      if (SecretTokens.mayStart(c)) {
        TRIGGERS[c] = 1;
      }
    }
  }

  private final RedactionRules rules;
  private final KeyTrie keys;

  SecretText(RedactionRules rules) {
    this.rules = rules;
    this.keys = new KeyTrie(rules);
  }

  /** The rules whose keys {@code name=value} is matched against. */
  RedactionRules rules() {
    return rules;
  }

  /** The text with its secrets redacted; the same instance when there were none. */
  String redact(String text) {
    return redact(text, false);
  }

  /**
   * @param json the text is a JSON document: a card number that is a bare JSON number becomes a
   *     quoted marker, so the document stays valid
   */
  String redact(String text, boolean json) {
    return new Scan(text, json).run();
  }

  private final class Scan {
    private final String text;
    private final int n;
    private final boolean json;
    private StringBuilder out;
    private int copied;
    private boolean inString;
    private int[] digits;

    Scan(String text, boolean json) {
      this.text = text;
      this.n = text.length();
      this.json = json;
    }

    String run() {
      int i = 0;
      while (i < n) {
        char c = text.charAt(i);
        if (c >= 128 || TRIGGERS[c] == 0) {
          i++; // most characters start nothing: one look-up each
          continue;
        }
        int next = -1;
        if (c == '"') {
          inString = json && !inString;
        } else if (c == '\\') {
          if (json && inString) {
            i += 2; // an escape: the next character is not a quote
            continue;
          }
        } else if (c == '-') {
          next = pem(i);
        } else if (c == ':') {
          next =
              text.startsWith("//", i + 1) || text.startsWith("\\/\\/", i + 1) ? userInfo(i) : -1;
          next = next < 0 ? assignment(i) : next;
        } else if (c == '=') {
          next = assignment(i);
        } else if (c >= '0' && c <= '9') {
          next = boundary(i, true) ? card(i) : -1;
        } else if (boundary(i, false)) {
          int end = SecretTokens.end(text, i);
          next = end < 0 ? -1 : replace(i, end, RedactionRules.REDACTED);
        }
        i = next < 0 ? i + 1 : next;
      }
      return out == null ? text : out.append(text, copied, n).toString();
    }

    /**
     * Whether a token or number may start at {@code i}: not inside a word, a token (so a run of
     * token characters is read once) or a decimal.
     */
    private boolean boundary(int i, boolean number) {
      if (i == 0) {
        return true;
      }
      char before = text.charAt(i - 1);
      return !(Character.isLetterOrDigit(before)
          || (number ? before == '.' : before == '_' || before == '-'));
    }

    private int card(int i) {
      if (digits == null) {
        digits = new int[CardNumbers.LONGEST];
      }
      int end = CardNumbers.end(text, i, digits);
      if (end < 0) {
        return -1;
      }
      boolean bare = json && !inString;
      return replace(
          i, end, bare ? "\"" + RedactionRules.REDACTED + "\"" : RedactionRules.REDACTED);
    }

    private int pem(int i) {
      int end = PrivateKeys.end(text, i);
      return end < 0 ? -1 : replace(i, end, RedactionRules.REDACTED);
    }

    /** The password of {@code scheme://user:password@host}; the colon before "//" is at i. */
    private int userInfo(int i) {
      if (i == 0 || !schemeChar(text.charAt(i - 1))) {
        return -1;
      }
      int start = i + (text.charAt(i + 1) == '/' ? 3 : 5);
      int end = start;
      int at = -1;
      while (end < n && !authorityEnd(text.charAt(end))) {
        if (text.charAt(end) == '@') {
          at = end;
        }
        end++;
      }
      if (at < 0) {
        return -1;
      }
      int colon = text.indexOf(':', start);
      if (colon < 0 || colon > at) {
        return -1;
      }
      String password = text.substring(colon + 1, at);
      if (password.isEmpty() || password.equals(RedactionRules.REDACTED)) {
        return at + 1;
      }
      return replace(colon + 1, at, RedactionRules.REDACTED) + 1;
    }

    /** {@code name=value} or {@code name: value} with a name to redact; '=' or ':' is at i. */
    private int assignment(int i) {
      if (text.charAt(i) == ':'
          && (i + 1 >= n || (text.charAt(i + 1) != ' ' && text.charAt(i + 1) != '\t'))) {
        return -1;
      }
      if (!isKey(i)) {
        return -1;
      }
      int value = i + 1;
      while (value < n && (text.charAt(value) == ' ' || text.charAt(value) == '\t')) {
        value++;
      }
      int end;
      char quote = value < n ? text.charAt(value) : 0;
      if (!json && (quote == '"' || quote == '\'')) {
        value++;
        end = value;
        while (end < n && text.charAt(end) != quote && text.charAt(end) != '\n') {
          end++;
        }
      } else if (json && text.startsWith("\\\"", value)) {
        value += 2; // a quoted value inside a JSON string: password: \"x\" (GraphQL, say)
        end = value;
        while (end < n && text.charAt(end) != '\\' && text.charAt(end) != '"') {
          end++;
        }
      } else {
        end = value;
        while (end < n && "&;,\"'<>\\}]\r\n".indexOf(text.charAt(end)) < 0) {
          end++; // spaces included: "Password=a b;", "Authorization: Bearer abc"
        }
      }
      String found = text.substring(value, end);
      if (found.isEmpty() || found.equals(RedactionRules.REDACTED)) {
        return end;
      }
      return replace(value, end, RedactionRules.REDACTED);
    }

    /**
     * Whether the name before {@code i} (letters, digits, '_', '-', '.'; at most {@link
     * #NAME_LIMIT}) is a key to redact. Read backwards through the trie, so a name that is no key
     * is left after a character or two.
     */
    private boolean isKey(int i) {
      int start = i;
      int node = KeyTrie.root();
      boolean ending = false;
      while (start > 0 && i - start < NAME_LIMIT && nameChar(text.charAt(start - 1))) {
        start--;
        node = keys.step(node, text.charAt(start));
        ending |= keys.endingAt(node);
        if (node == KeyTrie.NONE && !ending && keys.complete()) {
          return false;
        }
      }
      if (start == i || (start > 0 && nameChar(text.charAt(start - 1)))) {
        return false; // no name, or one too long to be a key
      }
      if (!keys.complete()) {
        return rules.redactsKey(text.substring(start, i));
      }
      return ending || keys.keyAt(node);
    }

    /** Replaces [from, to) with {@code with}; returns {@code to}, where the scan goes on. */
    private int replace(int from, int to, String with) {
      if (out == null) {
        out = new StringBuilder(n + 16);
      }
      out.append(text, copied, from).append(with);
      copied = to;
      return to;
    }
  }

  private static boolean nameChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '-'
        || c == '.';
  }

  private static boolean schemeChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+';
  }

  private static boolean authorityEnd(char c) {
    return c <= ' ' || "/?#\\\"'<>".indexOf(c) >= 0;
  }
}
