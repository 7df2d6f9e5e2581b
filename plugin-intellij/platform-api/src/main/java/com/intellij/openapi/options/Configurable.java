// Compile-only stand-in for IntelliJ Platform 2024.3 (build 243): never packaged, the IDE supplies
// the real type. Source it was checked against: see plugin-intellij/platform-api/README.md.
package com.intellij.openapi.options;

/**
 * Stand-in for {@code platform/ide-core/src/com/intellij/openapi/options/Configurable.java}: a
 * named {@link UnnamedConfigurable}, declared in plugin.xml as an {@code applicationConfigurable}.
 * Its other members ({@code getHelpTopic}, {@code focusOn}, ...) are default methods or nested
 * types the plugin neither calls nor overrides.
 */
public interface Configurable extends UnnamedConfigurable {
  String getDisplayName();
}
