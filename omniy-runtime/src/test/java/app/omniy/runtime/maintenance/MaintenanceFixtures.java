package app.omniy.runtime.maintenance;

import app.omniy.core.maintenance.JobIds;
import app.omniy.core.maintenance.spi.JobLeaseStore;
import app.omniy.core.maintenance.spi.JobRunStore;
import app.omniy.core.maintenance.spi.MaintenanceTask;
import app.omniy.testkit.SettableClock;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** Schedulers on a settable clock whose tasks write down when they ran. */
final class MaintenanceFixtures {
  static final List<String> DAILY =
      List.of(
          JobIds.DAILY_BACKUP,
          JobIds.DAILY_LOG_CLEANUP,
          JobIds.DAILY_SECURITY_SCAN,
          JobIds.DAILY_PERFORMANCE_REPORT);

  static final List<String> ALL =
      List.of(
          JobIds.DAILY_BACKUP,
          JobIds.DAILY_LOG_CLEANUP,
          JobIds.DAILY_SECURITY_SCAN,
          JobIds.DAILY_PERFORMANCE_REPORT,
          JobIds.WEEKLY_SYSTEM_REVIEW,
          JobIds.WEEKLY_SECURITY_REVIEW,
          JobIds.WEEKLY_CAPACITY_REVIEW,
          JobIds.MONTHLY_REPORT,
          JobIds.MONTHLY_AUDIT,
          JobIds.MONTHLY_PLAN);

  /** "job started-instant" of every task run, in order. */
  final List<String> ran = new CopyOnWriteArrayList<>();

  private MaintenanceFixtures() {}

  static MaintenanceFixtures create() {
    return new MaintenanceFixtures();
  }

  static Instant jst(String local) {
    return OffsetDateTime.parse(local + "+09:00").toInstant();
  }

  static String entry(String job, String jstLocal) {
    return job + " " + jst(jstLocal);
  }

  MaintenanceTask recording() {
    return context -> {
      ran.add(context.job().id() + " " + context.started());
      return "ok";
    };
  }

  /** A scheduler with a recording task for each of {@code jobs}. */
  MaintenanceScheduler scheduler(
      SettableClock clock,
      List<String> jobs,
      JobLeaseStore leases,
      JobRunStore runs,
      MeterRegistry registry,
      String owner) {
    MaintenanceScheduler.Builder builder =
        MaintenanceScheduler.builder(clock)
            .leases(leases)
            .runs(runs)
            .registry(registry)
            .owner(owner);
    jobs.forEach(job -> builder.task(job, "record", recording()));
    return builder.build();
  }

  /** Moves the clock by {@code step} and ticks every scheduler, until {@code end}. */
  static void runUntil(
      SettableClock clock, Instant end, Duration step, MaintenanceScheduler... schedulers) {
    while (clock.instant().isBefore(end)) {
      clock.advance(step);
      for (MaintenanceScheduler scheduler : schedulers) {
        scheduler.tick();
      }
    }
  }

  /** Like {@link #runUntil}, the schedulers ticking at the same moment on {@code pool}. */
  static void runTogetherUntil(
      SettableClock clock,
      Instant end,
      Duration step,
      ExecutorService pool,
      List<MaintenanceScheduler> schedulers)
      throws Exception {
    while (clock.instant().isBefore(end)) {
      clock.advance(step);
      List<Callable<Object>> ticks =
          schedulers.stream().<Callable<Object>>map(s -> s::tick).toList();
      for (Future<Object> done : pool.invokeAll(ticks)) {
        done.get();
      }
    }
  }
}
