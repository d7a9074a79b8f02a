package app.omniy.ops.status;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Debian's headless Chromium, driven from the command line (no driver): {@code --dump-dom} for the
 * document as the browser parsed it, {@code --screenshot} for what a person sees. A missing
 * Chromium fails the test with how to install it; it is never skipped silently.
 */
final class Chromium {
  private static final long TIMEOUT_SECONDS = 120;

  private final Path executable;
  private final Path work;

  private Chromium(Path executable, Path work) {
    this.executable = executable;
    this.work = work;
  }

  /** Chromium from the PATH, working under {@code work}. */
  static Chromium find(Path work) throws IOException {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser")) {
        Path candidate = Path.of(dir, name);
        if (!dir.isEmpty() && Files.isExecutable(candidate)) {
          Files.createDirectories(work);
          return new Chromium(candidate, work);
        }
      }
    }
    throw failure(
        "Chromium is not installed, and the status page test needs it (KPI-2). Install Debian's"
            + " package: `apt-get install -y chromium` (.ci/run does this when `command -v chromium`"
            + " fails). PATH was: "
            + path);
  }

  /** What one Chromium run gave: the DOM as parsed and laid out, and the screenshot. */
  record Rendering(String dom, BufferedImage screenshot) {}

  /**
   * {@code page} drawn in a {@code width}×{@code height} window, in one run: {@code --dump-dom} for
   * the DOM and {@code --screenshot} to {@code png} (one run instead of two: Chromium's start-up is
   * most of the cost).
   */
  Rendering render(Path page, Path png, int width, int height)
      throws IOException, InterruptedException {
    Files.deleteIfExists(png);
    Path dom = work.resolve(page.getFileName() + ".dom.html");
    run(
        dom,
        List.of(
            "--hide-scrollbars",
            "--window-size=" + width + "," + height,
            "--screenshot=" + png.toAbsolutePath(),
            "--dump-dom",
            page.toUri().toString()));
    if (!Files.isRegularFile(png)) {
      throw failure("Chromium wrote no screenshot to " + png);
    }
    BufferedImage image = ImageIO.read(png.toFile());
    if (image == null) {
      throw failure(png + " is not an image ImageIO can read");
    }
    return new Rendering(Files.readString(dom, StandardCharsets.UTF_8), image);
  }

  private void run(Path stdout, List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(
        List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-extensions",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--user-data-dir=" + work.resolve("profile").toAbsolutePath()));
    command.addAll(args);
    Path stderr = work.resolve("chromium-stderr.log");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw failure("Chromium did not finish in " + TIMEOUT_SECONDS + " s: " + command);
    }
    if (process.exitValue() != 0) {
      throw failure(
          "Chromium exited with "
              + process.exitValue()
              + ": "
              + command
              + "\n"
              + Files.readString(stderr, StandardCharsets.UTF_8));
    }
  }

  /** A test failure; thrown, so the compiler knows the method ends there. */
  private static AssertionError failure(String message) {
    return new AssertionError(message);
  }
}
