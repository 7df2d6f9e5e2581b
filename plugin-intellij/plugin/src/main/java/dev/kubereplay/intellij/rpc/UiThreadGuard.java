package dev.kubereplay.intellij.rpc;

import dev.kubereplay.protocol.KubeReplayRpcServer;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.SwingUtilities;
import org.eclipse.lsp4j.jsonrpc.services.JsonDelegate;
import org.eclipse.lsp4j.jsonrpc.services.JsonSegment;

/**
 * Keeps server calls off the UI thread (Swing's event-dispatch thread, IntelliJ's EDT): a call may
 * start the server and waits on its pipe, which would freeze the IDE. Every call the plugin sends
 * passes {@link #check}. On the event-dispatch thread it is logged, once per call; with the system
 * property {@value #PROPERTY} set to {@code true} (the plugin's tests set it) it is refused with an
 * {@link IllegalStateException} naming the call, and recorded for {@link #takeViolations()}.
 */
public final class UiThreadGuard {

  /** The system property that turns the warning into a refusal. */
  public static final String PROPERTY = "kubereplay.failServerCallsOnUiThread";

  private static final Logger LOG = Logger.getLogger(UiThreadGuard.class.getName());
  private static final List<String> violations = new CopyOnWriteArrayList<>();
  private static final Set<String> warned = ConcurrentHashMap.newKeySet();

  private UiThreadGuard() {}

  /** Refuses (or logs) {@code request} when it is sent on the event-dispatch thread. */
  public static void check(Function<KubeReplayRpcServer, ?> request) {
    if (SwingUtilities.isEventDispatchThread()) {
      refuse(nameOf(request));
    }
  }

  /** As {@link #check(Function)}, for a call known by its wire name ({@code "shutdown"}). */
  public static void check(String call) {
    if (SwingUtilities.isEventDispatchThread()) {
      refuse(call);
    }
  }

  /** What was refused since the last look, oldest first; forgotten once taken. */
  public static List<String> takeViolations() {
    List<String> taken = List.copyOf(violations);
    violations.removeAll(taken);
    return taken;
  }

  private static void refuse(String call) {
    String message =
        call
            + " was sent on the event-dispatch thread; server calls must be sent from a"
            + " background thread, as they may start the server and wait on it";
    if (Boolean.getBoolean(PROPERTY)) {
      violations.add(message);
      throw new IllegalStateException(message);
    }
    if (warned.add(call)) {
      LOG.log(Level.WARNING, message, new Throwable("sent from here"));
    }
  }

  /**
   * The wire name of the request ({@code "traffic/renameSnapshot"}), found by applying it to a
   * stand-in of the server that only notes what is called. Only for the message: the request is
   * refused anyway.
   */
  static String nameOf(Function<KubeReplayRpcServer, ?> request) {
    String[] called = {null};
    try {
      request.apply(recorder(KubeReplayRpcServer.class, "", called));
    } catch (RuntimeException e) {
      // a request that does more than call the server: its name may still have been noted
    }
    return called[0] != null ? called[0] : "a request to the kubereplay server";
  }

  private static <T> T recorder(Class<T> type, String segment, String[] called) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
              case "equals" -> proxy == args[0];
              case "hashCode" -> System.identityHashCode(proxy);
              default -> "call recorder";
            };
          }
          if (method.isAnnotationPresent(JsonDelegate.class)) {
            Class<?> delegate = method.getReturnType();
            JsonSegment name = delegate.getAnnotation(JsonSegment.class);
            return recorder(delegate, name != null ? name.value() + "/" : "", called);
          }
          called[0] = segment + method.getName();
          return method.getReturnType() == CompletableFuture.class
              ? new CompletableFuture<>()
              : null;
        };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
