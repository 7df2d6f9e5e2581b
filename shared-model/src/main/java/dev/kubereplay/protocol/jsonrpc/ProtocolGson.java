package dev.kubereplay.protocol.jsonrpc;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The wire conventions of the protocol, for lsp4j's Gson: enums travel as their names, instants as
 * ISO-8601 strings, durations as milliseconds, paths as strings. lsp4j's own defaults write enums
 * as numbers and cannot reflect into {@code java.time}; adapters registered here win over them
 * because Gson tries the last registered factory first.
 */
public final class ProtocolGson {

  private ProtocolGson() {}

  /** Registers the protocol's adapters on a builder (lsp4j's or a plain one). */
  public static GsonBuilder configure(GsonBuilder builder) {
    return builder
        .registerTypeAdapterFactory(new EnumByName())
        .registerTypeAdapter(Instant.class, nullSafe(Instant::toString, Instant::parse))
        .registerTypeHierarchyAdapter(Path.class, nullSafe(Path::toString, Path::of))
        .registerTypeAdapter(Duration.class, new DurationAsMillis().nullSafe());
  }

  /** A Gson with exactly the wire conventions, for tests and tools. */
  public static Gson create() {
    return configure(new GsonBuilder()).create();
  }

  private interface Parse<T> {
    T parse(String text);
  }

  private interface Format<T> {
    String format(T value);
  }

  private static <T> TypeAdapter<T> nullSafe(Format<T> format, Parse<T> parse) {
    return new TypeAdapter<T>() {
      @Override
      public void write(JsonWriter out, T value) throws IOException {
        out.value(format.format(value));
      }

      @Override
      public T read(JsonReader in) throws IOException {
        return parse.parse(in.nextString());
      }
    }.nullSafe();
  }

  private static final class DurationAsMillis extends TypeAdapter<Duration> {
    @Override
    public void write(JsonWriter out, Duration value) throws IOException {
      out.value(value.toMillis());
    }

    @Override
    public Duration read(JsonReader in) throws IOException {
      return Duration.ofMillis(in.nextLong());
    }
  }

  private static final class EnumByName implements TypeAdapterFactory {
    @Override
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
      Class<? super T> raw = type.getRawType();
      if (!Enum.class.isAssignableFrom(raw) || raw == Enum.class) {
        return null;
      }
      if (!raw.isEnum()) {
        raw = raw.getSuperclass(); // a constant with a body is a subclass of its enum
      }
      @SuppressWarnings({"unchecked", "rawtypes"})
      TypeAdapter<T> adapter = (TypeAdapter<T>) new ByName(raw);
      return adapter;
    }
  }

  private static final class ByName<E extends Enum<E>> extends TypeAdapter<E> {
    private final Class<E> type;

    ByName(Class<E> type) {
      this.type = type;
    }

    @Override
    public void write(JsonWriter out, E value) throws IOException {
      if (value == null) {
        out.nullValue();
      } else {
        out.value(value.name());
      }
    }

    @Override
    public E read(JsonReader in) throws IOException {
      if (in.peek() == JsonToken.NULL) {
        in.nextNull();
        return null;
      }
      String name = in.nextString();
      try {
        return Enum.valueOf(type, name);
      } catch (IllegalArgumentException e) {
        throw new IOException(
            "unknown " + type.getSimpleName() + " value '" + name + "' at " + in.getPath(), e);
      }
    }
  }
}
