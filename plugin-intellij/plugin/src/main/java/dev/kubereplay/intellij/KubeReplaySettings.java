package dev.kubereplay.intellij;

import com.intellij.openapi.application.ApplicationManager;
import com.intellij.openapi.components.PersistentStateComponent;
import com.intellij.openapi.components.State;
import com.intellij.openapi.components.Storage;
import dev.kubereplay.intellij.settings.RedactionSettings;
import dev.kubereplay.intellij.settings.SettingsState;

/**
 * The application service (declared in plugin.xml) that stores the plugin's settings in {@code
 * kubereplay.xml}; what they hold and how they are read back is {@link RedactionSettings}.
 */
@State(name = "KubeReplaySettings", storages = @Storage("kubereplay.xml"))
public final class KubeReplaySettings implements PersistentStateComponent<SettingsState> {

  private final RedactionSettings redaction = new RedactionSettings();

  public static KubeReplaySettings getInstance() {
    return ApplicationManager.getApplication().getService(KubeReplaySettings.class);
  }

  public RedactionSettings redaction() {
    return redaction;
  }

  @Override
  public SettingsState getState() {
    return redaction.state();
  }

  @Override
  public void loadState(SettingsState state) {
    redaction.load(state);
  }
}
