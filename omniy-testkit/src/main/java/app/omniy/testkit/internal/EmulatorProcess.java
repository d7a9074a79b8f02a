package app.omniy.testkit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The emulator's operating-system process. It runs the emulator's jar directly (2–4 s to start,
 * against 4–6 s through the {@code gcloud} wrapper) under {@code setsid}, so that it leads a
 * process group of its own and stopping the group leaves nothing behind.
 */
public final class EmulatorProcess {
  private static final String HOST = "127.0.0.1";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

  private final Process process;
  private final int port;
  private final Path log;
  private final Thread shutdownHook;

  private EmulatorProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.shutdownHook = new Thread(this::killGroup, "firestore-emulator-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Starts the emulator on a free port and returns once this process answers {@code Ok}. */
  public static EmulatorProcess start() {
    Path jar = EmulatorInstallation.locateJar();
    int port = freePort();
    if (answersOk(port)) {
      throw new IllegalStateException("port " + port + " is already served by something else");
    }
    try {
      Path log = Files.createTempFile("firestore-emulator-", ".log");
      Process process =
          new ProcessBuilder(command(jar, port))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      EmulatorProcess emulator = new EmulatorProcess(process, port, log);
      emulator.awaitReady();
      return emulator;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the Firestore emulator from " + jar, e);
    }
  }

  public String hostAndPort() {
    return HOST + ":" + port;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Stops the whole process group: TERM first, KILL for whatever is left. */
  public void stop() {
    killGroup();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // The hook is running or ran; the group is stopped either way.
    }
  }

  private static List<String> command(Path jar, int port) {
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
      command.add("/usr/bin/setsid");
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(jar.toString());
    command.add("com.google.cloud.datastore.emulator.firestore.CloudFirestore");
    command.add("start");
    command.add("--host=" + HOST);
    command.add("--port=" + port);
    return command;
  }

  /**
   * Waits for {@code Ok} on the port and checks that our process is still alive: another emulator
   * already on that port answers {@code Ok} too while ours died with a BindException.
   */
  private void awaitReady() {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the Firestore emulator exited with " + process.exitValue() + ":\n" + logTail());
      }
      if (answersOk(port)) {
        if (process.isAlive()) {
          return;
        }
        continue;
      }
      sleep(Duration.ofMillis(100));
    }
    killGroup();
    throw new IllegalStateException(
        "the Firestore emulator did not answer within " + START_TIMEOUT + ":\n" + logTail());
  }

  private void killGroup() {
    if (!process.isAlive() && process.descendants().noneMatch(ProcessHandle::isAlive)) {
      return;
    }
    signalGroup("TERM");
    if (!awaitExit(STOP_TIMEOUT)) {
      signalGroup("KILL");
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      awaitExit(STOP_TIMEOUT);
    }
  }

  private void signalGroup(String signal) {
    try {
      Process kill =
          new ProcessBuilder("kill", "-" + signal, "--", "-" + process.pid())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      kill.waitFor(5, TimeUnit.SECONDS);
    } catch (IOException e) {
      process.destroy();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private boolean awaitExit(Duration timeout) {
    List<ProcessHandle> group = new ArrayList<>(process.descendants().toList());
    group.add(process.toHandle());
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (group.stream().noneMatch(ProcessHandle::isAlive)) {
        return true;
      }
      sleep(Duration.ofMillis(50));
    }
    return false;
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(log " + log + " unreadable: " + e + ")";
    }
  }

  private static boolean answersOk(int port) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://" + HOST + ":" + port + "/"))
                  .timeout(Duration.ofSeconds(1))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && response.body().strip().equals("Ok");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the Firestore emulator", e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port for the Firestore emulator", e);
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the Firestore emulator", e);
    }
  }
}
