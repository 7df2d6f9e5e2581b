package dev.kubereplay.intellij.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The plugin's settings as stored in {@code kubereplay.xml}: a bean with a public field and a
 * no-argument constructor, which is what IntelliJ's XML serializer writes and reads back.
 */
public final class SettingsState {

  /** The extra redaction keys, as stored; {@link RedactionKeys#clean} them before use. */
  public List<String> redactKeys = new ArrayList<>();

  public SettingsState() {}

  /** A state holding {@code keys}. */
  public static SettingsState of(List<String> keys) {
    SettingsState state = new SettingsState();
    state.redactKeys = new ArrayList<>(keys);
    return state;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SettingsState state && Objects.equals(redactKeys, state.redactKeys);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(redactKeys);
  }

  @Override
  public String toString() {
    return "SettingsState" + redactKeys;
  }
}
