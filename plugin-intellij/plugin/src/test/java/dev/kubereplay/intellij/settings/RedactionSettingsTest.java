package dev.kubereplay.intellij.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The settings as stored and loaded again: what the IDE writes to kubereplay.xml. */
class RedactionSettingsTest {

  @Test
  void fresh_settings_have_no_keys_and_store_none() {
    RedactionSettings settings = new RedactionSettings();
    assertThat(settings.redactKeys()).isEmpty();
    assertThat(settings.get()).isEmpty();
    assertThat(settings.state()).isEqualTo(new SettingsState());
  }

  @Test
  void the_keys_survive_storing_and_loading() {
    RedactionSettings applied = new RedactionSettings();
    applied.setRedactKeys(List.of("card_number", "ssn"));

    SettingsState stored = applied.state();
    assertThat(stored.redactKeys).containsExactly("card_number", "ssn");

    RedactionSettings loaded = new RedactionSettings();
    loaded.load(stored);
    assertThat(loaded.redactKeys()).containsExactly("card_number", "ssn");
    assertThat(loaded.get()).containsExactly("card_number", "ssn");
    assertThat(loaded.state()).isEqualTo(stored);

    applied.setRedactKeys(List.of());
    loaded.load(applied.state());
    assertThat(loaded.redactKeys()).isEmpty();
  }

  @Test
  void the_stored_state_is_a_copy() {
    RedactionSettings settings = new RedactionSettings();
    settings.setRedactKeys(List.of("ssn"));
    SettingsState stored = settings.state();
    stored.redactKeys.add("iban");
    assertThat(settings.redactKeys()).containsExactly("ssn");

    SettingsState loaded = SettingsState.of(List.of("dob"));
    settings.load(loaded);
    loaded.redactKeys.add("iban");
    assertThat(settings.redactKeys()).containsExactly("dob");
  }

  @Test
  void a_hand_edited_file_is_cleaned_when_loaded() {
    SettingsState edited = new SettingsState();
    edited.redactKeys =
        new ArrayList<>(Arrays.asList(" ssn", "", null, "card number", "SSN", "iban"));
    RedactionSettings settings = new RedactionSettings();
    settings.load(edited);
    assertThat(settings.redactKeys()).containsExactly("ssn", "iban");

    SettingsState empty = new SettingsState();
    empty.redactKeys = null;
    settings.load(empty);
    assertThat(settings.redactKeys()).isEmpty();
  }

  @Test
  void the_state_is_a_bean_the_xml_serializer_can_write_and_read() throws Exception {
    // IntelliJ's XmlSerializer instantiates the state with a public no-argument constructor and
    // writes public fields.
    assertThat(Modifier.isPublic(SettingsState.class.getModifiers())).isTrue();
    assertThat(SettingsState.class.getConstructor().newInstance().redactKeys).isEmpty();
    Field field = SettingsState.class.getField("redactKeys");
    assertThat(Modifier.isPublic(field.getModifiers())).isTrue();
    assertThat(Modifier.isFinal(field.getModifiers())).isFalse();
    assertThat(Modifier.isStatic(field.getModifiers())).isFalse();
    assertThat(field.getType()).isEqualTo(List.class);
  }
}
