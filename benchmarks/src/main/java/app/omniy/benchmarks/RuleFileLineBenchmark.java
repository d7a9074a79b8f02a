package app.omniy.benchmarks;

import app.omniy.core.alert.AlertRule;
import app.omniy.files.InvalidFileException;
import app.omniy.files.RuleFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of a rule file whose one label value is {@code valueBytes} long, on one line (ALERT-4). The
 * YAML parser copies its look-ahead window for every 1024 characters of an unbroken run, so a run
 * costs time quadratic in its length; {@code ConfigFiles.MAX_LINE_BYTES} (16 KiB) bounds the run.
 * Time per op should grow about linearly from 1 KiB to 16 KiB, and a 3 MB line must be refused
 * (before parsing) about as fast as its bytes can be scanned.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RuleFileLineBenchmark {
  private static final Path FILE = Path.of("alerts.yaml");

  @Param({"1024", "16000", "3000000"})
  public int valueBytes;

  byte[] content;

  @Setup(Level.Trial)
  public void buildFile() {
    content =
        ("info:\n  long:\n    id: L\n    metric: m\n    above: 1\n    notify: [email]\n"
                + "    respond-within: 1h\n    labels: {note: \""
                + "x".repeat(valueBytes)
                + "\"}\n")
            .getBytes(StandardCharsets.UTF_8);
  }

  /** The rules, or the refusal of the over-long line; either way the file is done with. */
  @Benchmark
  public Object parseOrRefuse() {
    try {
      List<AlertRule> rules = RuleFiles.parse(FILE, content);
      return rules;
    } catch (InvalidFileException refused) {
      return refused;
    }
  }
}
