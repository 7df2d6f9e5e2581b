package dev.kubereplay.intellij;

import com.intellij.openapi.options.Configurable;
import com.intellij.openapi.options.ConfigurationException;
import dev.kubereplay.intellij.settings.RedactionKeys;
import dev.kubereplay.intellij.settings.RedactionSettings;
import dev.kubereplay.intellij.settings.RedactionSettingsForm;
import javax.swing.JComponent;

/**
 * Settings › Tools › Kube Replay (declared in plugin.xml): {@link RedactionSettingsForm} over the
 * stored {@link RedactionSettings}; an entry that is not a key is refused on Apply.
 */
public final class KubeReplayConfigurable implements Configurable {

  /** As in plugin.xml. */
  static final String DISPLAY_NAME = "Kube Replay";

  private RedactionSettingsForm form;

  private static RedactionSettings settings() {
    return KubeReplaySettings.getInstance().redaction();
  }

  @Override
  public String getDisplayName() {
    return DISPLAY_NAME;
  }

  @Override
  public JComponent createComponent() {
    form = new RedactionSettingsForm();
    form.reset(settings().redactKeys());
    return form;
  }

  @Override
  public JComponent getPreferredFocusedComponent() {
    return form == null ? null : form.preferredFocus();
  }

  @Override
  public boolean isModified() {
    return form != null && form.isModified(settings().redactKeys());
  }

  @Override
  public void apply() throws ConfigurationException {
    if (form == null) {
      return;
    }
    try {
      settings().setRedactKeys(form.keys());
    } catch (RedactionKeys.InvalidKeyException e) {
      throw new ConfigurationException(e.getMessage(), DISPLAY_NAME);
    }
    form.reset(settings().redactKeys());
  }

  @Override
  public void reset() {
    if (form != null) {
      form.reset(settings().redactKeys());
    }
  }

  @Override
  public void disposeUIResources() {
    form = null;
  }
}
