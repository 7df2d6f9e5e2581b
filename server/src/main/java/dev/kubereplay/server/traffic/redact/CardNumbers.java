package dev.kubereplay.server.traffic.redact;

/**
 * Payment card numbers in text: 13 to 19 digits, optionally grouped by single spaces or dashes,
 * that start like a card brand's numbers and pass the Luhn check. Timestamps, order numbers and
 * other long numbers rarely do both, and a number that is part of a longer word or a decimal is
 * never one.
 */
final class CardNumbers {

  /** The most digits a card number has. */
  static final int LONGEST = 19;

  private CardNumbers() {}

  /**
   * The end of the card number that starts at {@code start}, or -1. The caller has checked that the
   * character before {@code start} is not a letter, digit or dot.
   */
  static int end(String text, int start, int[] digits) {
    int count = 0;
    char separator = 0;
    int groups = 0; // the digits of each group, 4 bits each: 4-4-4-4 is 0x4444
    int group = 0;
    int end = start;
    int n = text.length();
    while (end < n) {
      char c = text.charAt(end);
      if (c >= '0' && c <= '9') {
        if (count == LONGEST) {
          return -1; // too long for a card
        }
        digits[count++] = c - '0';
        group++;
        end++;
      } else if ((c == ' ' || c == '-')
          && (separator == 0 || separator == c)
          && end + 1 < n
          && isDigit(text.charAt(end + 1))) {
        separator = c;
        groups = (groups << 4) | Math.min(group, 15);
        group = 0;
        end++;
      } else {
        break;
      }
    }
    groups = (groups << 4) | Math.min(group, 15);
    if (end < n) {
      char after = text.charAt(end);
      if (Character.isLetterOrDigit(after)
          || (after == '.' && end + 1 < n && isDigit(text.charAt(end + 1)))
          || ((after == '-' || after == '_') && end + 1 < n && isWordChar(text.charAt(end + 1)))) {
        return -1; // part of a longer word, decimal or token (a UUID, say)
      }
    }
    return count >= 13
            && (separator == 0 || grouped(groups))
            && brand(digits, count)
            && luhn(digits, count)
        ? end
        : -1;
  }

  /** Groups as cards are written: 4-4-4-4(-1..3), 4-6-5 (Amex) or 4-6-4 (Diners). */
  private static boolean grouped(int groups) {
    return groups == 0x4444
        || (groups >= 0x44441 && groups <= 0x44443)
        || groups == 0x465
        || groups == 0x464;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c);
  }

  /** Whether the number starts and is as long as the numbers of a card brand. */
  static boolean brand(int[] d, int count) {
    int two = d[0] * 10 + d[1];
    int four = two * 100 + d[2] * 10 + d[3];
    return switch (d[0]) {
      case 4 -> count == 13 || count == 16 || count == 19; // Visa
      case 5 -> two >= 51 && two <= 55 && count == 16; // Mastercard
      case 2 -> four >= 2221 && four <= 2720 && count == 16; // Mastercard 2-series
      case 3 ->
          ((two == 34 || two == 37) && count == 15) // American Express
              || (four >= 3528 && four <= 3589 && count >= 16) // JCB
              || ((two == 36 || two == 38 || (four >= 3000 && four <= 3059)) && count >= 14);
      case 6 ->
          (four == 6011 || two == 65 || two == 62 || (four >= 6440 && four <= 6499))
              && count >= 16; // Discover, UnionPay
      default -> false;
    };
  }

  /** The Luhn check digit test. */
  static boolean luhn(int[] d, int count) {
    int sum = 0;
    for (int i = count - 1, position = 0; i >= 0; i--, position++) {
      int digit = d[i];
      if (position % 2 == 1) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
    }
    return sum % 10 == 0;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
