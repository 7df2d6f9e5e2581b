package dev.kubereplay.intellij;

import com.intellij.openapi.Disposable;
import com.intellij.openapi.application.ApplicationManager;

/**
 * The application service (declared in plugin.xml) that owns the IDE's one {@link
 * KubeReplaySession}, whose imports and desktop recordings send the redaction keys of {@link
 * KubeReplaySettings}; the IDE disposes it on exit, which shuts the server down.
 */
public final class KubeReplayService implements Disposable {

  private final KubeReplaySession session =
      KubeReplaySession.forThisIde(() -> KubeReplaySettings.getInstance().redaction().get());

  public static KubeReplayService getInstance() {
    return ApplicationManager.getApplication().getService(KubeReplayService.class);
  }

  public KubeReplaySession session() {
    return session;
  }

  @Override
  public void dispose() {
    session.close();
  }
}
