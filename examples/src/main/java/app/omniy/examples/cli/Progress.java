package app.omniy.examples.cli;

import java.io.PrintStream;

/**
 * Progress lines for long commands. They go to stderr, and only when a person is watching a
 * terminal, so that piped or redirected output holds results alone.
 */
final class Progress {
  private final PrintStream stream;
  private final boolean enabled;

  Progress(PrintStream stream, boolean enabled) {
    this.stream = stream;
    this.enabled = enabled;
  }

  /** Progress on stderr when this process has a terminal; silent otherwise. */
  static Progress onTerminal() {
    return new Progress(System.err, System.console() != null);
  }

  /** Progress that is never shown, for tests and embedding. */
  static Progress silent() {
    return new Progress(System.err, false);
  }

  boolean enabled() {
    return enabled;
  }

  void report(String line) {
    if (enabled) {
      stream.println(line);
    }
  }
}
