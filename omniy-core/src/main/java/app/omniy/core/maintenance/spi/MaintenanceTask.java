package app.omniy.core.maintenance.spi;

/**
 * The work of a maintenance job (MNT-1, MNT-2, BAK-3): a backup, a log clean-up, a security scan, a
 * report, a restore test. The host registers tasks with the scheduler under a job id of the
 * calendar ({@link app.omniy.core.maintenance.JobIds}); a job may have several, run in the order
 * registered.
 *
 * <pre>{@code
 * MaintenanceTask restoreTest = context -> {
 *   Comparison result = restorer.restoreLatestInto(scratch);   // BAK-3
 *   if (!result.identical()) {
 *     throw new IllegalStateException("restored copy differs: " + result);
 *   }
 *   return "restored " + result.documents() + " documents, identical";
 * };
 * }</pre>
 *
 * <p>A task runs on the scheduler's thread, at most once per occurrence across every runtime that
 * shares the lease store. It need not be idempotent, but it should tolerate being run again for the
 * same occurrence after a runtime died in the middle of it (the lease then expires and another
 * runtime takes over, MNT-3).
 */
@FunctionalInterface
public interface MaintenanceTask {

  /**
   * Does the work of one occurrence.
   *
   * @param context which job and occurrence, and when the run started
   * @return a short summary for the run history (MNT-3 "output")
   * @throws Exception to fail the run; the run is recorded as failed and alerts (MNT-3)
   */
  String run(JobContext context) throws Exception;
}
