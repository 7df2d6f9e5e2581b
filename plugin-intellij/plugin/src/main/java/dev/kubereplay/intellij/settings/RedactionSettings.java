package dev.kubereplay.intellij.settings;

import java.util.List;
import java.util.function.Supplier;

/**
 * The extra redaction keys as the IDE holds them: what the settings page applies, what is stored
 * and loaded again, and what every import and desktop recording sends. Plain Java and thread-safe:
 * the settings page writes on the UI thread, requests read on the model thread.
 */
public final class RedactionSettings implements Supplier<List<String>> {

  private volatile List<String> redactKeys = List.of();

  /** The keys, cleaned; empty when there are none. */
  public List<String> redactKeys() {
    return redactKeys;
  }

  /** The keys every import and desktop recording sends, read when each is sent. */
  @Override
  public List<String> get() {
    return redactKeys;
  }

  /** The keys the settings page applied (already parsed). */
  public void setRedactKeys(List<String> keys) {
    redactKeys = RedactionKeys.clean(keys);
  }

  /** What is stored: a fresh state, so that the caller cannot change these settings through it. */
  public SettingsState state() {
    return SettingsState.of(redactKeys);
  }

  /** The stored state, read back; entries that are not keys are dropped. */
  public void load(SettingsState state) {
    redactKeys = RedactionKeys.clean(state == null ? null : state.redactKeys);
  }
}
