package dev.kubereplay.intellij.testing;

import dev.kubereplay.intellij.rpc.UiThreadGuard;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails every test of the plugin during which a server call was sent on the UI thread, also when
 * the refusal was swallowed by a future nobody looked at. Registered for all tests through {@code
 * META-INF/services}; the build turns the guard on ({@link UiThreadGuard#PROPERTY}).
 */
public final class NoServerCallsOnUiThread implements BeforeEachCallback, AfterEachCallback {

  @Override
  public void beforeEach(ExtensionContext context) {
    UiThreadGuard.takeViolations(); // a previous test's late calls are its own
  }

  @Override
  public void afterEach(ExtensionContext context) {
    List<String> refused = UiThreadGuard.takeViolations();
    if (!refused.isEmpty()) {
      throw new AssertionError(
          "server calls were sent on the event-dispatch thread: " + String.join("; ", refused));
    }
  }
}
