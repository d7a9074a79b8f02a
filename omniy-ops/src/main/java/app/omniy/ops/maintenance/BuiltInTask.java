package app.omniy.ops.maintenance;

import app.omniy.core.maintenance.spi.MaintenanceTask;

/**
 * A task Omniy ships for one of the calendar's jobs; it knows its job id and name, so {@link
 * MaintenanceScheduler.Builder#task(BuiltInTask)} registers it without either.
 */
public interface BuiltInTask extends MaintenanceTask {
  /** The calendar job it belongs to ({@code JobIds}). */
  String jobId();

  /** Its name in the run's output lines. */
  String name();
}
