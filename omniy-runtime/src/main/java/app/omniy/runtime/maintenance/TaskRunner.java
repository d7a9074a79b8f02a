package app.omniy.runtime.maintenance;

import app.omniy.core.maintenance.MaintenanceJob;
import app.omniy.core.maintenance.spi.JobContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the tasks of one occurrence in order: a failing task fails the run but the others still run
 * (a failed key rotation must not skip the restore test). The lease is renewed on a timer while the
 * tasks run ({@link LeaseKeeper}) and once more before each next task, which only starts while this
 * runtime still holds the occurrence.
 */
final class TaskRunner {
  private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);

  private final MaintenanceJob job;
  private final Instant due;
  private final JobContext context;

  /** Renews the lease of an occurrence; false if another runtime took it over. */
  interface Renewal {
    boolean renew(MaintenanceJob job, Instant due);
  }

  /** What the tasks said, one line each, and the errors, if any. */
  record Result(String output, @Nullable String error) {
    boolean failed() {
      return error != null;
    }
  }

  TaskRunner(MaintenanceJob job, Instant due, Instant started, ZoneId zone) {
    this.job = job;
    this.due = due;
    this.context = new JobContext(job, due, started, zone);
  }

  Result runAll(List<NamedTask> tasks, Renewal renewal, Duration renewEvery) {
    try (LeaseKeeper keeper = LeaseKeeper.start(job, due, renewal, renewEvery)) {
      return runAll(tasks, renewal, keeper);
    }
  }

  private Result runAll(List<NamedTask> tasks, Renewal renewal, LeaseKeeper keeper) {
    List<String> output = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (int i = 0; i < tasks.size(); i++) {
      NamedTask task = tasks.get(i);
      try {
        String said = task.task().run(context);
        output.add(task.name() + ": " + (said == null ? "" : said));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        errors.add(task.name() + ": interrupted");
        break;
      } catch (Exception e) {
        LOG.warn("Maintenance task {} of {} due {} failed", task.name(), job.id(), due, e);
        errors.add(task.name() + ": " + describe(e));
        output.add(task.name() + ": failed");
      }
      if (i < tasks.size() - 1 && (keeper.lost() || !renewal.renew(job, due))) {
        errors.add("lease lost to another runtime after " + task.name() + "; later tasks not run");
        break;
      }
    }
    return new Result(
        String.join("\n", output), errors.isEmpty() ? null : String.join("\n", errors));
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
