package app.omniy.benchmarks;

import app.omniy.core.security.LoginAnomaly;
import app.omniy.core.security.LoginAnomalyDetector;
import app.omniy.core.security.LoginAnomalySettings;
import app.omniy.core.security.LoginEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Throughput of the login-anomaly detector (ALERT-I3) on a host's login stream: {@code accounts}
 * accounts, one login in four failing, sources and countries rotating, time advancing 10 ms per
 * login so windows keep sliding. Events are built in setup, so only the detector is measured. The
 * same-run baseline counts each event's account in a plain {@link HashMap}, the least any
 * per-account detector must do.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class LoginAnomalyBenchmark {
  private static final int EVENTS = 1 << 16;
  private static final String[] COUNTRIES = {"JP", "JP", "JP", "US", "KR", "JP", "TW", "JP"};

  @Param({"1000", "100000"})
  public int accounts;

  LoginEvent[] events;
  LoginAnomalyDetector detector;
  Map<String, Integer> baseline;
  int next;

  @Setup(Level.Trial)
  public void makeEvents() {
    Instant start = Instant.parse("2026-03-02T00:00:00Z");
    events = new LoginEvent[EVENTS];
    for (int i = 0; i < EVENTS; i++) {
      int account = (int) ((i * 2_654_435_761L) % accounts);
      events[i] =
          new LoginEvent(
              "user" + account,
              "10.0." + (i % 200) + "." + (i % 250),
              COUNTRIES[i % COUNTRIES.length],
              i % 16 == 0 ? "android" : "ios",
              i % 4 != 0,
              start.plusMillis(10L * i));
    }
    detector = LoginAnomalyDetector.create(LoginAnomalySettings.DEFAULTS);
    baseline = new HashMap<>();
  }

  @Benchmark
  public int baselineCountPerAccount() {
    LoginEvent event = events[next++ & (EVENTS - 1)];
    return baseline.merge(event.account(), 1, Integer::sum);
  }

  @Benchmark
  public List<LoginAnomaly> detect() {
    return detector.accept(events[next++ & (EVENTS - 1)]);
  }
}
