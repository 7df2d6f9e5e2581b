package dev.kubereplay.server.traffic.jsonl;

import dev.kubereplay.server.Version;
import dev.kubereplay.server.traffic.JsonFiles;
import dev.kubereplay.server.traffic.PairWriter;
import dev.kubereplay.server.traffic.model.Header;
import dev.kubereplay.server.traffic.model.RRPair;
import dev.kubereplay.server.traffic.model.Snapshot;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;

/** Writes kubereplay JSONL (see {@link JsonlFormat}): a header line, then one pair per line. */
public final class JsonlWriter implements PairWriter {

  private OutputStream out;
  private JsonGenerator json;

  @Override
  public String name() {
    return "jsonl";
  }

  @Override
  public void begin(OutputStream out, Snapshot snapshot) {
    this.out = out;
    json = JsonFiles.lineGenerator(out);
    json.writeStartObject();
    json.writeStringProperty("format", JsonlFormat.FORMAT);
    json.writeNumberProperty("version", 1);
    json.writeStringProperty("snapshot", snapshot.name());
    json.writeStringProperty("source", snapshot.source());
    json.writeStringProperty("kubereplay", Version.current());
    json.writeEndObject();
  }

  @Override
  public void write(RRPair pair) {
    json.writeStartObject();
    string("uuid", pair.uuid());
    json.writeStringProperty("direction", pair.direction().name());
    json.writeStringProperty("timestamp", pair.timestamp().toString());
    json.writeNumberProperty("durationMillis", pair.durationMillis());
    json.writeStringProperty("protocol", pair.protocol());
    json.writeStringProperty("host", pair.host());
    json.writeStringProperty("method", pair.method());
    json.writeStringProperty("url", pair.url());
    string("httpVersion", pair.httpVersion());
    headers("requestHeaders", pair.requestHeaders());
    json.writeName("requestBody");
    json.writeBinary(pair.requestBody());
    string("requestBodyEncoding", pair.requestBodyEncoding());
    json.writeNumberProperty("status", pair.status());
    string("statusMessage", pair.statusMessage());
    headers("responseHeaders", pair.responseHeaders());
    json.writeName("responseBody");
    json.writeBinary(pair.responseBody());
    string("responseBodyEncoding", pair.responseBodyEncoding());
    if (pair.tags() != null && !pair.tags().isEmpty()) {
      json.writeName("tags");
      json.writeStartObject();
      for (Map.Entry<String, String> tag : pair.tags().entrySet()) {
        json.writeStringProperty(tag.getKey(), tag.getValue());
      }
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  @Override
  public void end() throws java.io.IOException {
    json.flush();
    out.write('\n');
  }

  private void string(String name, String value) {
    if (value != null) {
      json.writeStringProperty(name, value);
    }
  }

  private void headers(String name, List<Header> headers) {
    json.writeName(name);
    json.writeStartArray();
    for (Header header : headers) {
      json.writeStartArray();
      json.writeString(header.name());
      json.writeString(header.value());
      json.writeEndArray();
    }
    json.writeEndArray();
  }
}
