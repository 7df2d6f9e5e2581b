package dev.kubereplay.intellij.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubereplay.protocol.initialize.ClientInfoDto;
import dev.kubereplay.protocol.initialize.InitializeParams;
import dev.kubereplay.protocol.logs.LogsRpcClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProcessTransportTest {

  private final ExecutorService executor = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void a_server_that_dies_is_reported_with_its_exit_code_and_last_stderr_lines() throws Exception {
    ProcessTransport transport = ProcessTransport.start(crashingServer(), Map.of());

    ServerExit exit = transport.exited().get(30, TimeUnit.SECONDS);

    assertThat(exit.reason()).isEqualTo("The kubereplay server exited with code 3.");
    assertThat(exit.stderrTail())
        .hasSize(20)
        .endsWith(
            "log line 25", "Exception in thread \"main\" java.lang.IllegalStateException: boom");
  }

  @Test
  void a_request_to_a_server_that_dies_fails_with_why() throws Exception {
    CompletableFuture<ServerExit> unexpected = new CompletableFuture<>();
    List<String> command = crashingServer();
    ServerManager manager =
        new ServerManager(
            () -> ProcessTransport.start(command, Map.of()),
            new ClientEndpoint(change -> {}, new LogsRpcClient() {}),
            new InitializeParams(new ClientInfoDto("test", "0"), ClientEndpoint.capabilities()),
            executor,
            unexpected::complete);

    CompletableFuture<Object> answer =
        manager.call(server -> server.shutdown().thenApply(done -> (Object) "answered"));

    assertThatThrownBy(() -> answer.get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(ServerUnavailableException.class)
        .hasMessage("The kubereplay server exited with code 3.");
    assertThat(unexpected.get(5, TimeUnit.SECONDS).stderrTail()).contains("log line 25");
    manager.close();
  }

  @Test
  void a_command_that_cannot_run_is_reported() {
    assertThatThrownBy(() -> ProcessTransport.start(List.of("/nowhere/bin/java"), Map.of()))
        .isInstanceOf(ServerUnavailableException.class)
        .hasMessageStartingWith("Could not start the kubereplay server (/nowhere/bin/java): ");
  }

  private static List<String> crashingServer() throws Exception {
    Path classes =
        Path.of(CrashingServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp",
        classes.toString(),
        CrashingServer.class.getName());
  }
}
