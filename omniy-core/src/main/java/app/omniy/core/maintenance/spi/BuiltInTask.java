package app.omniy.core.maintenance.spi;

/**
 * A task Omniy ships for one of the calendar's jobs; it knows its job id and name, so the runtime's
 * maintenance scheduler registers it without either.
 */
public interface BuiltInTask extends MaintenanceTask {
  /** The calendar job it belongs to ({@code JobIds}). */
  String jobId();

  /** Its name in the run's output lines. */
  String name();
}
