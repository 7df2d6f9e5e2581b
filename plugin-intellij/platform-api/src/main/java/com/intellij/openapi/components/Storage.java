// Compile-only stand-in for IntelliJ Platform 2024.3 (build 243): never packaged, the IDE supplies
// the real type. Source it was checked against: see plugin-intellij/platform-api/README.md.
package com.intellij.openapi.components;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/**
 * Stand-in for {@code platform/projectModel-api/src/com/intellij/openapi/components/Storage.java}:
 * a runtime annotation (no {@code @Target}, as in the real one) of which only {@code value}, the
 * file name, is declared; the real one's others all have defaults.
 */
@Retention(RetentionPolicy.RUNTIME)
public @interface Storage {
  String value() default "";
}
