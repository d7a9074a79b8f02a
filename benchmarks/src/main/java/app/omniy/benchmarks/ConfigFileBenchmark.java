package app.omniy.benchmarks;

import app.omniy.files.ConfigFiles;
import java.io.IOException;
import java.nio.file.Files;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of loading a strict YAML configuration file of {@code entries} entries: a rule or downtime
 * file is re-read on every change, and a rejected file must not stall the runtime. The baseline
 * reads the same bytes without mapping them, so the ratio isolates the parsing and validation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ConfigFileBenchmark {
  /** A small entry, shaped like an alert rule. */
  public record Entry(String id, String metric, int threshold, List<String> channels) {}

  /** The file's top level. */
  public record Entries(List<Entry> entries) {}

  @Param({"10", "1000"})
  public int entries;

  Path file;

  @Setup(Level.Trial)
  public void writeFile() throws IOException {
    StringBuilder yaml = new StringBuilder("entries:\n");
    for (int i = 0; i < entries; i++) {
      yaml.append("  - id: rule-")
          .append(i)
          .append('\n')
          .append("    metric: omniy.post.attempts\n")
          .append("    threshold: ")
          .append(i % 100)
          .append('\n')
          .append("    channels: [slack, email]\n");
    }
    file = Files.createTempFile("omniy-bench-", ".yaml");
    Files.writeString(file, yaml);
  }

  @TearDown(Level.Trial)
  public void deleteFile() throws IOException {
    Files.deleteIfExists(file);
  }

  @Benchmark
  public byte[] baselineReadBytes() throws IOException {
    return Files.readAllBytes(file);
  }

  @Benchmark
  public Entries readStrictYaml() {
    return ConfigFiles.readYaml(file, Entries.class);
  }
}
