package dev.kubereplay.server.traffic.har;

import dev.kubereplay.server.traffic.Header;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fields of one HAR entry that kubereplay keeps, as read; everything optional. */
final class HarEntry {
  String startedDateTime;
  double time = -1;
  boolean webSocket;
  String direction;
  String uuid;
  final Map<String, String> tags = new LinkedHashMap<>();

  String method;
  String url;
  String requestHttpVersion;
  final List<Header> requestHeaders = new ArrayList<>();
  String postText;
  String postEncoding;
  String postMimeType;
  final List<Header> postParams = new ArrayList<>();

  boolean hasResponse;
  int status;
  String statusText;
  String responseHttpVersion;
  final List<Header> responseHeaders = new ArrayList<>();
  String contentText;
  String contentEncoding;
  String contentMimeType;
  String error;
}
