package dev.kubereplay.server.replay.match;

import dev.kubereplay.server.traffic.model.Header;
import java.util.List;
import java.util.Locale;

/**
 * How a request's body is read, by both readers of it: the signature (the first {@code
 * Content-Type}'s media type) and the part-by-part comparison (the last one's class: JSON, form, or
 * bytes). Two requests of the same body type and signature have bodies both readers see alike.
 */
final class BodyType {

  private BodyType() {}

  static String of(List<Header> headers) {
    String first = null;
    String last = "";
    for (Header header : headers) {
      if (header.name().equalsIgnoreCase("content-type")) {
        String value = header.value().toLowerCase(Locale.ROOT);
        if (first == null) {
          int semicolon = value.indexOf(';');
          first = (semicolon < 0 ? value : value.substring(0, semicolon)).strip();
        }
        last = value;
      }
    }
    if (first == null) {
      return "";
    }
    char kind =
        last.startsWith("application/x-www-form-urlencoded")
            ? 'f'
            : last.contains("json") ? 'j' : '-';
    return first + '|' + kind;
  }
}
