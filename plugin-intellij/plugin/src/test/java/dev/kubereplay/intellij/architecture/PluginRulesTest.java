package dev.kubereplay.intellij.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The plugin talks to the server only through the protocol (shared-model) over JSON-RPC: it never
 * depends on the server's classes, which run in another process and are not shipped with it.
 */
class PluginRulesTest {

  static final ArchRule PLUGIN_USES_NO_SERVER_CODE =
      noClasses()
          .that()
          .resideInAPackage("dev.kubereplay.intellij..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.kubereplay.server..")
          .because("the plugin speaks to the server through the protocol only");

  @Test
  void no_plugin_class_depends_on_server_code() {
    JavaClasses plugin =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.kubereplay.intellij");
    assertThat(plugin.contain("dev.kubereplay.intellij.KubeReplaySession")).isTrue();
    PLUGIN_USES_NO_SERVER_CODE.check(plugin);
  }

  @Test
  void a_plugin_class_calling_server_code_breaks_the_rule() {
    // The server's classes are not on the plugin's classpath, so a stand-in plays one.
    JavaClasses fixtures =
        new ClassFileImporter().importPackages("dev.kubereplay.intellij.archfixtures");
    EvaluationResult result = PLUGIN_USES_NO_SERVER_CODE.evaluate(fixtures);
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("intellij.archfixtures.PluginCallingServer")
                    .contains("dev.kubereplay.server.archfixtures.ServerStandIn"));
  }
}
