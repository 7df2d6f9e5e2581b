package dev.kubereplay.intellij.rpc;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;

/**
 * The server's own response to chosen requests, whatever became of lsp4j's future for them. lsp4j
 * cancels its future the moment the client sends {@code $/cancelRequest} and drops the response
 * that follows; but a server that had already finished (an export whose file is in place) answers
 * with its result, and only that response says what happened. Wraps the connection's messages in
 * both directions: a request sent through {@link #send} is remembered by id as it goes out, and its
 * response is handed over as it comes in.
 */
final class Responses implements Function<MessageConsumer, MessageConsumer> {

  /** A request as sent: lsp4j's future for it, and its response. */
  record Sent<T>(CompletableFuture<T> request, CompletableFuture<ResponseMessage> response) {}

  private final ThreadLocal<CompletableFuture<ResponseMessage>> sending = new ThreadLocal<>();
  private final Map<String, CompletableFuture<ResponseMessage>> awaited = new ConcurrentHashMap<>();

  /**
   * Sends the request {@code send} makes (through the server's proxy, on this thread) and keeps its
   * response.
   */
  <T> Sent<T> send(Supplier<CompletableFuture<T>> send) {
    CompletableFuture<ResponseMessage> response = new CompletableFuture<>();
    sending.set(response);
    try {
      return new Sent<>(send.get(), response);
    } finally {
      sending.remove();
    }
  }

  @Override
  public MessageConsumer apply(MessageConsumer next) {
    return message -> {
      if (message instanceof RequestMessage request) {
        CompletableFuture<ResponseMessage> response = sending.get();
        if (response != null) {
          sending.remove(); // the first request sent is the one asked for
          awaited.put(request.getId(), response);
        }
      } else if (message instanceof ResponseMessage answer && answer.getId() != null) {
        CompletableFuture<ResponseMessage> response = awaited.remove(answer.getId());
        if (response != null) {
          response.complete(answer);
        }
      }
      next.consume(message);
    };
  }

  /** Forgets a request whose response will not come (it could not be sent). */
  void forget(Sent<?> sent) {
    awaited.values().remove(sent.response());
  }
}
