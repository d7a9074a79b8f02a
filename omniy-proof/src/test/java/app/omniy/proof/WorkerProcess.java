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
import org.jspecify.annotations.Nullable;

/**
 * A {@link CrashWorker} in a JVM of its own; its stdout lines are queued for the test, its stderr
 * goes to a log file under {@code target/}. It is a standby from its {@code STANDBY} line until
 * {@link #go} puts it to work, and ready from its {@code READY} line.
 */
final class WorkerProcess {
  private final String owner;
  private final Process process;
  private final Writer stdin;
  private final long startedNanos = System.nanoTime();
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private volatile long standbyNanos;
  private volatile Duration standbyCpu = Duration.ZERO;
  private volatile Duration lastCpu = Duration.ZERO;
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
                  if (line.startsWith("STANDBY ")) {
                    standbyCpu = cpu();
                    standbyNanos = System.nanoTime();
                  } else if (line.startsWith("READY ")) {
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

  /**
   * Starts a worker with {@code classPath}; with the class-data archive {@code archive} if given
   * (its classes are mapped instead of loaded: about half the start-up CPU), or writing one to
   * {@code dumpArchive} when it stops gracefully.
   */
  static WorkerProcess start(
      String owner,
      List<String> args,
      Path logDir,
      String classPath,
      @Nullable Path archive,
      @Nullable Path dumpArchive) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // Many, each killed after a few seconds of work: small heap, one C1 compiler, quick start.
    command.addAll(
        List.of(
            "-Xmx192m",
            "-Xss512k",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-XX:CICompilerCount=1",
            "-XX:-UsePerfData",
            // JVM warnings (such as a class-data archive that does not fit) go to the log, not to
            // the stdout the test reads.
            "-Xlog:disable",
            "-Xlog:all=warning:stderr"));
    if (archive != null) {
      command.add("-XX:SharedArchiveFile=" + archive);
    } else if (dumpArchive != null) {
      command.add("-XX:ArchiveClassesAtExit=" + dumpArchive);
    }
    command.addAll(
        List.of(
            "-Duser.timezone=America/New_York",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            "-cp",
            classPath,
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

  long pid() {
    return process.pid();
  }

  /** Whether it is connected and waiting for {@link #go}. */
  boolean standby() {
    return standbyNanos != 0 && !ready && process.isAlive();
  }

  /** From JVM start to standby, once it got there. */
  Optional<Duration> startUp() {
    long at = standbyNanos;
    return at == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(at - startedNanos));
  }

  /** The CPU time its JVM used from start to standby (zero until then). */
  Duration standbyCpu() {
    return standbyCpu;
  }

  /** The CPU time its JVM used in all, as last seen (before it was killed or stopped). */
  Duration totalCpu() {
    return lastCpu;
  }

  private Duration cpu() {
    Duration used = process.info().totalCpuDuration().orElse(lastCpu);
    lastCpu = used;
    return used;
  }

  /** Puts a standby to work: it starts claiming posts. */
  void go() {
    send("go");
  }

  boolean ready() {
    return ready && process.isAlive();
  }

  boolean alive() {
    return process.isAlive();
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

  /** A line starting with {@code prefix} that has arrived, without waiting. */
  Optional<String> poll(String prefix) {
    for (String line = lines.poll(); line != null; line = lines.poll()) {
      if (line.startsWith(prefix)) {
        return Optional.of(line);
      }
    }
    return Optional.empty();
  }

  /** SIGKILL (what {@link Process#destroyForcibly} sends on Linux), then waits until it is gone. */
  void kill() throws InterruptedException {
    cpu();
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** A graceful stop, waiting up to {@code timeout} for the JVM to exit; killed if it does not. */
  boolean stop(Duration timeout) throws InterruptedException {
    requestStop();
    return awaitExit(timeout);
  }

  /** Asks for a graceful stop without waiting for it. */
  void requestStop() {
    cpu();
    send("stop");
  }

  /** Waits up to {@code timeout} for the JVM to exit after a stop; kills it if it does not. */
  boolean awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      kill();
      return false;
    }
    return true;
  }
}
