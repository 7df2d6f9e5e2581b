package dev.kubereplay.server.traffic.har;

import dev.kubereplay.server.traffic.model.Header;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of one HAR entry that kubereplay keeps, as read; everything optional. Body texts are
 * kept as their UTF-8 bytes (base64 is decoded once the encoding is known: it may come after the
 * text).
 */
final class HarEntry {
  Instant started = Instant.EPOCH;
  double time = -1;
  boolean webSocket;
  String direction;
  String uuid;
  final Map<String, String> tags = new LinkedHashMap<>();

  String method;
  String url;
  String requestHttpVersion;

  /** Without HTTP/2 pseudo-headers ({@code :method}, ...). */
  final List<Header> requestHeaders = new ArrayList<>();

  byte[] postText;
  String postEncoding;

  /** {@code _encoding}: the content coding a body kept coded is in (kubereplay's export). */
  String postCoding;

  String postMimeType;
  final List<Header> postParams = new ArrayList<>();

  boolean hasResponse;
  int status;
  String statusText;
  String responseHttpVersion;

  /** Without HTTP/2 pseudo-headers. */
  final List<Header> responseHeaders = new ArrayList<>();

  byte[] contentText;
  String contentEncoding;
  String contentCoding;
  String contentMimeType;
  String error;
}
