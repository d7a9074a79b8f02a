package app.omniy.proof;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The crash suite's supervisor: keeps a fixed number of workers at work and a few spares started,
 * connected and waiting ({@link CrashWorker}'s standby), so that a killed worker is replaced the
 * moment it dies and the next kill need not wait for a JVM to start. Starting JVMs is where the
 * suite's CPU goes (about 1.7 s of CPU to connect, thousands of classes on the gRPC, HTTP and JSON
 * paths, then more for the runtime's first attempts), so the spares start from a class-data archive
 * (AppCDS) that a warm-up worker writes when it stops, after publishing a few posts of its own
 * through the same paths: about half the CPU per worker.
 *
 * <p>Class-data archives accept only jar files on the class path, so the class path's directories
 * ({@code target/classes}, {@code target/test-classes}) are copied into jars first.
 */
final class WorkerPool {
  private final List<String> args;
  private final WarmUp warmUp;
  private final Path logs;
  private final String classPath;
  private final int working;
  private final int spare;
  private final List<WorkerProcess> active = new ArrayList<>();
  private final List<WorkerProcess> spares = new ArrayList<>();
  private final List<Duration> startUps = new ArrayList<>();
  private final List<WorkerProcess> everyWorker = new ArrayList<>();
  private final Thread archiver;
  private volatile @Nullable Path archive;
  private int generation;
  private int diedOnTheirOwn;

  /**
   * The warm-up worker that writes the class-data archive: its arguments (a namespace, fake Graph
   * API and accounts of its own, so its posts count nowhere) and when it has done enough.
   */
  record WarmUp(List<String> args, BooleanSupplier done) {}

  /**
   * @param args the workers' arguments, {@code owner} aside
   * @param warmUp the worker that writes the class-data archive
   * @param logs where each worker's stderr goes, and the class path's jars and archive
   * @param working workers claiming posts at any time
   * @param spare standby workers kept started
   */
  WorkerPool(List<String> args, WarmUp warmUp, Path logs, int working, int spare)
      throws IOException {
    this.args = List.copyOf(args);
    this.warmUp = warmUp;
    this.logs = logs;
    this.working = working;
    this.spare = spare;
    this.classPath = jarredClassPath(logs.resolve("classpath"));
    this.archiver = new Thread(this::writeArchive, "class-data-archive");
    archiver.setDaemon(true);
    archiver.start();
  }

  /**
   * Puts ready spares to work where an active place is free, and starts new spares for those taken
   * (and for any that died).
   */
  void topUp() {
    // A worker the test killed has left the list already: one found dead here died on its own.
    int before = spares.size() + active.size();
    spares.removeIf(w -> !w.alive());
    active.removeIf(w -> !w.alive());
    diedOnTheirOwn += before - spares.size() - active.size();
    for (int i = 0; i < spares.size() && active.size() < working; ) {
      WorkerProcess next = spares.get(i);
      if (next.standby()) {
        spares.remove(i);
        next.startUp().ifPresent(startUps::add);
        next.go();
        active.add(next);
      } else {
        i++;
      }
    }
    while (spares.size() < spare + working - active.size()) {
      spares.add(startWorker());
    }
  }

  /** The active workers that run their dispatcher. */
  List<WorkerProcess> ready() {
    return active.stream().filter(WorkerProcess::ready).toList();
  }

  List<WorkerProcess> active() {
    return List.copyOf(active);
  }

  /** A worker that the test killed: its place goes to a spare. */
  void killed(WorkerProcess dead) {
    active.remove(dead);
    topUp();
  }

  /** Workers that died without being killed (a crash, a failed start): see their logs. */
  int diedOnTheirOwn() {
    return diedOnTheirOwn;
  }

  /** JVMs started so far, spares not yet at work included. */
  int started() {
    return generation;
  }

  /** Whether workers start from the class-data archive by now. */
  boolean archived() {
    return archive != null;
  }

  /** The mean time from a worker's JVM start to its standby line, over the workers put to work. */
  Duration meanStartUp() {
    return startUps.isEmpty()
        ? Duration.ZERO
        : startUps.stream().reduce(Duration.ZERO, Duration::plus).dividedBy(startUps.size());
  }

  private WorkerProcess startWorker() {
    WorkerProcess worker =
        WorkerProcess.start("worker-" + (generation++), args, logs, classPath, archive, null);
    everyWorker.add(worker);
    return worker;
  }

  /** CPU time of every worker JVM from its start to its standby line. */
  Duration startUpCpu() {
    return everyWorker.stream()
        .map(WorkerProcess::standbyCpu)
        .reduce(Duration.ZERO, Duration::plus);
  }

  /** CPU time of every worker JVM in all (as seen at its kill or stop). */
  Duration totalCpu() {
    return everyWorker.stream().map(WorkerProcess::totalCpu).reduce(Duration.ZERO, Duration::plus);
  }

  /**
   * The warm-up worker: started, put to work on its own posts, and stopped once they are published,
   * writing the classes it loaded to an archive that every later worker maps. A failure leaves the
   * workers starting without one.
   */
  private void writeArchive() {
    Path written = logs.resolve("workers.jsa.tmp");
    Path target = logs.resolve("workers.jsa");
    try {
      Files.deleteIfExists(written);
      Files.deleteIfExists(target);
      WorkerProcess dumper =
          WorkerProcess.start("warm-up", warmUp.args(), logs, classPath, null, written);
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      while (!dumper.standby() && dumper.alive() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      dumper.go();
      while (!warmUp.done().getAsBoolean() && dumper.alive() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      if (warmUp.done().getAsBoolean()
          && dumper.stop(Duration.ofMinutes(2))
          && Files.size(written) > 0) {
        Files.move(written, target, StandardCopyOption.ATOMIC_MOVE);
        archive = target;
      } else {
        dumper.kill();
      }
    } catch (IOException e) {
      // no archive: the workers load their classes the ordinary way
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops every worker: gracefully, all at once, killed if one does not stop in time. */
  void stopAll() throws InterruptedException {
    archiver.interrupt();
    List<WorkerProcess> all = new ArrayList<>(active);
    all.addAll(spares);
    for (WorkerProcess w : all) {
      w.requestStop();
    }
    for (WorkerProcess w : all) {
      w.awaitExit(Duration.ofSeconds(20));
    }
  }

  /** This JVM's class path with every directory replaced by a jar of its contents. */
  private static String jarredClassPath(Path dir) throws IOException {
    Files.createDirectories(dir);
    List<String> entries = new ArrayList<>();
    int n = 0;
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      if (Files.isDirectory(path)) {
        Path jar = dir.resolve((n++) + "-" + path.getFileName() + ".jar");
        jar(path, jar);
        entries.add(jar.toString());
      } else if (!entry.isEmpty()) {
        entries.add(entry);
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  private static void jar(Path root, Path jar) throws IOException {
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file);
        Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(
            new JarEntry(root.relativize(f).toString().replace(File.separatorChar, '/')));
        Files.copy(f, out);
        out.closeEntry();
      }
    }
  }
}
