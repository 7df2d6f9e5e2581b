package dev.kubereplay.server.bench;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The recorded calls of the mocks benchmark, written three ways: as a HAR to import, as WireMock
 * stub mappings, and as wrk Lua scripts that send the same requests in turn. Half are GETs with a
 * query string, a quarter POSTs of distinct JSON orders, and a quarter look-alike POSTs to one URL
 * ({@code /v1/query}, an operation name and an id in the JSON body) told apart by body alone. Every
 * answer is a JSON body of about 160 bytes.
 */
final class MockWorkload {

  static final String HOST = "api.bench.test";

  record Call(String method, String pathAndQuery, String body, String answer) {}

  private MockWorkload() {}

  static List<Call> calls(int count) {
    List<Call> calls = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String answer =
          String.format(
              Locale.ROOT,
              "{\"id\":\"%07d\",\"name\":\"item %d\",\"price\":%d.5,\"currency\":\"EUR\","
                  + "\"tags\":[\"a\",\"b\",\"c\"],\"stock\":%d,\"updated\":\"2026-12-01T10:00:00Z\","
                  + "\"ok\":true}",
              i,
              i,
              i % 97,
              i % 13);
      switch (i % 4) {
        case 0, 1 ->
            calls.add(
                new Call(
                    "GET",
                    "/v1/items/" + i + "?fields=name%2Cprice&page=" + (i % 7) + "&sort=name",
                    null,
                    answer));
        case 2 ->
            calls.add(
                new Call(
                    "POST",
                    "/v1/orders",
                    "{\"customer\":\"c"
                        + (i % 50)
                        + "\",\"item\":"
                        + i
                        + ",\"quantity\":"
                        + (1 + i % 5)
                        + ",\"note\":\"bench "
                        + i
                        + "\"}",
                    answer));
        default ->
            calls.add(
                new Call(
                    "POST",
                    "/v1/query",
                    "{\"operation\":\""
                        + (i % 8 == 3 ? "GetItem" : "GetStock")
                        + "\",\"id\":"
                        + i
                        + "}",
                    answer));
      }
    }
    return calls;
  }

  static void writeHar(Path file, List<Call> calls) throws IOException {
    Gson gson = new Gson();
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(
          "{\"log\":{\"version\":\"1.2\",\"creator\":{\"name\":\"bench\",\"version\":\"1\"},");
      out.write("\"entries\":[");
      for (int i = 0; i < calls.size(); i++) {
        Call call = calls.get(i);
        JsonObject request = new JsonObject();
        request.addProperty("method", call.method());
        request.addProperty("url", "http://" + HOST + call.pathAndQuery());
        request.addProperty("httpVersion", "HTTP/1.1");
        JsonArray headers = new JsonArray();
        headers.add(header("Host", HOST));
        headers.add(header("Accept", "application/json"));
        if (call.body() != null) {
          headers.add(header("Content-Type", "application/json"));
          JsonObject post = new JsonObject();
          post.addProperty("mimeType", "application/json");
          post.addProperty("text", call.body());
          request.add("postData", post);
        }
        request.add("headers", headers);
        request.add("queryString", new JsonArray());
        JsonObject content = new JsonObject();
        content.addProperty("size", call.answer().length());
        content.addProperty("mimeType", "application/json");
        content.addProperty("text", call.answer());
        JsonObject response = new JsonObject();
        response.addProperty("status", 200);
        response.addProperty("statusText", "OK");
        response.addProperty("httpVersion", "HTTP/1.1");
        JsonArray responseHeaders = new JsonArray();
        responseHeaders.add(header("Content-Type", "application/json"));
        response.add("headers", responseHeaders);
        response.add("content", content);
        JsonObject entry = new JsonObject();
        entry.addProperty(
            "startedDateTime",
            String.format(
                Locale.ROOT,
                "2026-12-01T10:%02d:%02d.%03dZ",
                (i / 60000) % 60,
                (i / 1000) % 60,
                i % 1000));
        entry.addProperty("time", 3);
        entry.add("request", request);
        entry.add("response", response);
        out.write(i == 0 ? "" : ",");
        out.write(gson.toJson(entry));
      }
      out.write("]}}");
    }
  }

  private static JsonObject header(String name, String value) {
    JsonObject header = new JsonObject();
    header.addProperty("name", name);
    header.addProperty("value", value);
    return header;
  }

  /** The calls as WireMock stubs: method, path, each query parameter, and the JSON body. */
  static void writeStubs(Path root, List<Call> calls) throws IOException {
    JsonArray mappings = new JsonArray();
    for (Call call : calls) {
      String path = call.pathAndQuery().replaceFirst("\\?.*", "");
      JsonObject request = new JsonObject();
      request.addProperty("method", call.method());
      request.addProperty("urlPath", path);
      if (call.pathAndQuery().contains("?")) {
        JsonObject query = new JsonObject();
        for (String field : call.pathAndQuery().replaceFirst(".*\\?", "").split("&")) {
          String[] nameValue = field.split("=", 2);
          JsonObject equalTo = new JsonObject();
          equalTo.addProperty(
              "equalTo", java.net.URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
          query.add(nameValue[0], equalTo);
        }
        request.add("queryParameters", query);
      }
      if (call.body() != null) {
        JsonArray patterns = new JsonArray();
        JsonObject equalToJson = new JsonObject();
        equalToJson.addProperty("equalToJson", call.body());
        patterns.add(equalToJson);
        request.add("bodyPatterns", patterns);
      }
      JsonObject response = new JsonObject();
      response.addProperty("status", 200);
      response.addProperty("body", call.answer());
      JsonObject headers = new JsonObject();
      headers.addProperty("Content-Type", "application/json");
      response.add("headers", headers);
      JsonObject mapping = new JsonObject();
      mapping.add("request", request);
      mapping.add("response", response);
      mappings.add(mapping);
    }
    JsonObject all = new JsonObject();
    all.add("mappings", mappings);
    Files.createDirectories(root.resolve("mappings"));
    Files.createDirectories(root.resolve("__files"));
    Files.writeString(root.resolve("mappings/bench.json"), new Gson().toJson(all));
  }

  /** A wrk script sending the calls of one method in turn. */
  static void writeLua(Path file, List<Call> calls, String method) throws IOException {
    StringBuilder lua = new StringBuilder("local calls = {\n");
    for (Call call : calls) {
      if (call.method().equals(method)) {
        lua.append("  {")
            .append(quote(call.pathAndQuery()))
            .append(", ")
            .append(call.body() == null ? "nil" : quote(call.body()))
            .append("},\n");
      }
    }
    lua.append(
        """
        }
        local requests = {}
        local next = 0
        init = function(args)
          for i, call in ipairs(calls) do
            local headers = {["Accept"] = "application/json"}
            if call[2] then headers["Content-Type"] = "application/json" end
            requests[i] = wrk.format("%s", call[1], headers, call[2])
          end
        end
        request = function()
          next = next %% #requests + 1
          return requests[next]
        end
        """
            .formatted(method));
    Files.writeString(file, lua.toString());
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
