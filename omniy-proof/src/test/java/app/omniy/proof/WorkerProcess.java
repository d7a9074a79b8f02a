package app.omniy.proof;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link CrashWorker} in a JVM of its own, started with the test's class path; its stdout lines
 * are queued for the test, its stderr goes to a log file under {@code target/}.
 */
final class WorkerProcess {
  private final String owner;
  private final Process process;
  private final Writer stdin;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private volatile boolean ready;

  private WorkerProcess(String owner, Process process) {
    this.owner = owner;
    this.process = process;
    this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  if (line.startsWith("READY ")) {
                    ready = true;
                  } else {
                    lines.add(line);
                  }
                }
              } catch (IOException e) {
                // the process is gone
              }
            },
            "stdout-" + owner);
    reader.setDaemon(true);
    reader.start();
  }

  static WorkerProcess start(String owner, List<String> args, Path logDir) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // Short-lived and many: small heap, quick start.
    command.addAll(
        List.of(
            "-Xmx256m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Duser.timezone=America/New_York",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            "-cp",
            System.getProperty("java.class.path"),
            CrashWorker.class.getName()));
    command.add("owner=" + owner);
    command.addAll(args);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectError(logDir.resolve(owner + ".log").toFile())
            .redirectInput(ProcessBuilder.Redirect.PIPE);
    builder.environment().put("NO_GCE_CHECK", "true");
    try {
      return new WorkerProcess(owner, builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("could not start worker " + owner, e);
    }
  }

  String owner() {
    return owner;
  }

  boolean ready() {
    return ready && process.isAlive();
  }

  void send(String command) {
    try {
      stdin.write(command + "\n");
      stdin.flush();
    } catch (IOException e) {
      // the process is gone: nothing to tell it
    }
  }

  /** The next line starting with {@code prefix}, waiting up to {@code timeout}. */
  Optional<String> await(String prefix, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
      if (line == null) {
        return Optional.empty();
      }
      if (line.startsWith(prefix)) {
        return Optional.of(line);
      }
    }
  }

  /** SIGKILL (what {@link Process#destroyForcibly} sends on Linux), then waits until it is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** A graceful stop; killed if it does not stop in time. */
  void stop() throws InterruptedException {
    send("stop");
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      kill();
    }
  }
}
