package app.omniy.benchmarks;

import app.omniy.core.Money;
import app.omniy.core.sla.CreditPolicy;
import app.omniy.core.sla.DowntimeCause;
import app.omniy.core.sla.DowntimeLedger;
import app.omniy.core.sla.DowntimePeriod;
import app.omniy.core.sla.ServiceCredit;
import app.omniy.core.sla.SlaMonth;
import app.omniy.core.sla.SlaTarget;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
 * Billing's monthly run (SLA-6, SLA-7): the credit of every customer from their downtime periods
 * (0–20 each: incidents, overlaps, maintenance, some crossing the month's boundaries in JST),
 * measured exactly through {@link DowntimeLedger} and {@link ServiceCredit}. Target: under 100 ms
 * for 100,000 customers. The baseline only sums each customer's period lengths, with no merging,
 * exclusion, month split or exact arithmetic, so the ratio shows what exactness costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// One operation takes tens of milliseconds: iterations of a few seconds let the JIT finish
// compiling before measuring, even with the short settings (-wi 2 -i 3).
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 3)
// A fixed, pre-touched heap: on this virtual machine, memory the heap grows into is faulted in
// page by page, which otherwise dominates a run allocating ~80 MB per operation.
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class MonthlyCreditsBenchmark {
  static final SlaMonth APRIL = SlaMonth.of(YearMonth.of(2026, 4));
  private static final Money FEE = Money.of("1980", "JPY");

  @Param({"100000"})
  public int customers;

  List<List<DowntimePeriod>> downtime;

  @Setup(Level.Trial)
  public void createCustomers() {
    Random random = new Random(2026_04L);
    Instant start = APRIL.start();
    long seconds = APRIL.seconds();
    downtime = new ArrayList<>(customers);
    for (int c = 0; c < customers; c++) {
      int count = random.nextInt(21);
      List<DowntimePeriod> periods = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        // Starts from a day before the month to a day after it; lengths up to 4 hours.
        Instant from = start.plusSeconds(random.nextLong(seconds + 172_800) - 86_400);
        Instant to = from.plusSeconds(1 + random.nextInt(14_400));
        DowntimeCause cause =
            random.nextInt(5) == 0 ? DowntimeCause.PLANNED_MAINTENANCE : DowntimeCause.INCIDENT;
        periods.add(DowntimePeriod.of(from, to, cause));
      }
      downtime.add(periods);
    }
  }

  /** Sums each customer's period lengths: no merging, exclusion or month split. */
  @Benchmark
  public long baselineSumSeconds() {
    long total = 0;
    for (List<DowntimePeriod> periods : downtime) {
      for (DowntimePeriod period : periods) {
        total += period.seconds();
      }
    }
    return total;
  }

  /** Every customer's credit for the month; returns the total in minor units. */
  @Benchmark
  public long monthlyCredits() {
    long total = 0;
    for (List<DowntimePeriod> periods : downtime) {
      var uptime = DowntimeLedger.of(periods).availability(SlaTarget.SYSTEM, APRIL).uptime();
      ServiceCredit credit =
          ServiceCredit.assess(CreditPolicy.GUIDE, APRIL.month(), uptime, FEE, null);
      total += credit.amount().minorUnits();
    }
    return total;
  }
}
