package app.omniy.benchmarks;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Every benchmark of the project with a short profile, in one command, so every figure of {@code
 * docs/benchmarks.md} can be measured again, printing markdown: every JMH benchmark (one fork, one
 * warm-up and two measured iterations of one second; single-shot benchmarks one warm-up and two
 * measured invocations), then the {@link SchedulerComparison} in its own JVM with a fixed 2 GB
 * heap. JMH's own progress goes to a file named on stderr.
 *
 * <pre>
 * benchmarks/run-all                     # builds, then runs everything
 * java -cp benchmarks/target/benchmarks.jar app.omniy.benchmarks.RunAll [include-regex]
 * </pre>
 */
public final class RunAll {
  private RunAll() {}

  /** Runs the benchmarks whose name matches {@code args[0]} (default: all), then the comparison. */
  public static void main(String[] args) throws Exception {
    String include = args.length > 0 ? args[0] : RunAll.class.getPackageName() + "\\..*Benchmark.*";
    Path log = Path.of(System.getProperty("java.io.tmpdir"), "omniy-run-all-jmh.txt");
    System.err.println("JMH progress: " + log);
    Options options =
        new OptionsBuilder()
            .include(include)
            .forks(1)
            .warmupIterations(1)
            .measurementIterations(2)
            .warmupTime(TimeValue.seconds(1))
            .measurementTime(TimeValue.seconds(1))
            .shouldFailOnError(true)
            .output(log.toString())
            .build();
    Collection<RunResult> results = new Runner(options).run();
    System.out.println("| benchmark | parameters | mode | score | unit |");
    System.out.println("|---|---|---|---|---|");
    for (String row : rows(results)) {
      System.out.println(row);
    }
    System.out.flush();
    if (args.length <= 1 || !args[1].equals("--no-comparison")) {
      comparison();
    }
  }

  /** One markdown row per benchmark and parameter set. */
  static List<String> rows(Collection<RunResult> results) {
    List<String> rows = new ArrayList<>();
    for (RunResult run : results) {
      var params = run.getParams();
      String name = params.getBenchmark();
      name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
      List<String> values = new ArrayList<>();
      for (String key : params.getParamsKeys()) {
        values.add(key + "=" + params.getParam(key));
      }
      Result<?> primary = run.getPrimaryResult();
      rows.add(row(name, String.join(", ", values), params.getMode().shortLabel(), primary));
      for (String key : run.getSecondaryResults().keySet()) {
        Result<?> secondary = run.getSecondaryResults().get(key);
        rows.add(row(name + " · " + key, "", "", secondary));
      }
    }
    return rows;
  }

  private static String row(String name, String params, String mode, Result<?> r) {
    double error = r.getScoreError();
    String score =
        Double.isNaN(error)
            ? String.format(Locale.ROOT, "%.3f", r.getScore())
            : String.format(Locale.ROOT, "%.3f ± %.3f", r.getScore(), error);
    return "| `"
        + name
        + "` | "
        + params
        + " | "
        + mode
        + " | "
        + score
        + " | "
        + r.getScoreUnit()
        + " |";
  }

  /** The scheduler comparison in a fresh JVM with a fixed heap, its markdown to our stdout. */
  private static void comparison() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                // SchedulerComparison.JVM: the same heap and young generation for every side.
                "-Xms3g",
                "-Xmx3g",
                "-Xmn1g",
                "-cp",
                System.getProperty("java.class.path") + File.pathSeparator,
                SchedulerComparison.class.getName())
            .inheritIO()
            .start();
    int exit = p.waitFor();
    if (exit != 0) {
      throw new IllegalStateException("the scheduler comparison failed with exit code " + exit);
    }
  }
}
