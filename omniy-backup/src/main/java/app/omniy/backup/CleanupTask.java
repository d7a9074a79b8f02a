package app.omniy.backup;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.maintenance.JobIds;
import app.omniy.core.maintenance.MaintenanceCalendar;
import app.omniy.core.maintenance.MaintenanceJob;
import app.omniy.core.maintenance.spi.BuiltInTask;
import app.omniy.core.maintenance.spi.JobContext;
import app.omniy.core.maintenance.spi.JobRunStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The 04:00 JST clean-up (MNT-1) of what Omniy itself keeps: maintenance run records older than
 * their retention (400 days by default: a year of history and the same month a year ago), and
 * encrypted configuration backups past theirs (BAK-4: 6 months, each item's newest always kept).
 * The host's own logs and disks are the host's; it adds a task of its own for them.
 *
 * <pre>{@code
 * CleanupTask cleanup = CleanupTask.builder().jobRuns(runs).configBackups(configBackup).build();
 * }</pre>
 */
public final class CleanupTask implements BuiltInTask {
  /** How long run records are kept unless set otherwise. */
  public static final Duration DEFAULT_RUN_RETENTION = Duration.ofDays(400);

  private final @Nullable JobRunStore runs;
  private final Duration keepRuns;
  private final MaintenanceCalendar calendar;
  private final @Nullable ConfigBackup configBackups;

  private CleanupTask(Builder b) {
    this.runs = b.runs;
    this.keepRuns = b.keepRuns;
    this.calendar = b.calendar;
    this.configBackups = b.configBackups;
  }

  /** A builder; configure at least one thing to clean. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String jobId() {
    return JobIds.DAILY_LOG_CLEANUP;
  }

  @Override
  public String name() {
    return "clean-up";
  }

  /** Deletes what expired at the run's start; says how much. */
  @Override
  public String run(JobContext context) {
    List<String> said = new ArrayList<>();
    JobRunStore store = runs;
    if (store != null) {
      Instant cutoff = context.started().minus(keepRuns);
      int deleted = 0;
      for (MaintenanceJob job : calendar.jobs()) {
        deleted += store.deleteBefore(job.id(), cutoff);
      }
      said.add(deleted + " run record(s) due before " + cutoff + " deleted");
    }
    ConfigBackup backups = configBackups;
    if (backups != null) {
      List<BackupEntry> deleted = backups.prune();
      said.add(deleted.size() + " configuration backup(s) past retention deleted");
    }
    return String.join("; ", said);
  }

  /** Builds a {@link CleanupTask}. */
  public static final class Builder {
    private @Nullable JobRunStore runs;
    private Duration keepRuns = DEFAULT_RUN_RETENTION;
    private MaintenanceCalendar calendar = MaintenanceCalendar.GUIDE;
    private @Nullable ConfigBackup configBackups;

    private Builder() {}

    /** Deletes the records of {@code calendar}'s jobs older than {@link #DEFAULT_RUN_RETENTION}. */
    public Builder jobRuns(JobRunStore runs) {
      return jobRuns(runs, DEFAULT_RUN_RETENTION);
    }

    /**
     * Deletes run records due more than {@code keep} before the clean-up runs.
     *
     * @throws InvalidValueException if {@code runs} is missing or {@code keep} not positive
     */
    public Builder jobRuns(JobRunStore runs, Duration keep) {
      Require.nonNull(runs, "runs");
      if (keep == null || keep.isNegative() || keep.isZero()) {
        throw new InvalidValueException("keep", keep, "must be positive");
      }
      this.runs = runs;
      this.keepRuns = keep;
      return this;
    }

    /** The calendar whose jobs' records are cleaned (default {@link MaintenanceCalendar#GUIDE}). */
    public Builder calendar(MaintenanceCalendar calendar) {
      this.calendar = Require.nonNull(calendar, "calendar");
      return this;
    }

    /** Prunes {@code backups} by its own retention (BAK-4: 6 months by default). */
    public Builder configBackups(ConfigBackup backups) {
      this.configBackups = Require.nonNull(backups, "configBackups");
      return this;
    }

    /**
     * @throws InvalidValueException if nothing is configured to clean
     */
    public CleanupTask build() {
      if (runs == null && configBackups == null) {
        throw new InvalidValueException(
            "cleanup", null, "configure jobRuns(...), configBackups(...) or both");
      }
      return new CleanupTask(this);
    }
  }
}
