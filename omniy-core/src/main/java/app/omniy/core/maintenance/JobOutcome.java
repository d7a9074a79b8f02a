package app.omniy.core.maintenance;

/** How a maintenance job's occurrence went (MNT-3). */
public enum JobOutcome {
  /** Started and not finished yet (or the runtime running it died). */
  RUNNING,
  /** Every task of the job returned. */
  SUCCEEDED,
  /** A task threw, or the runtime running it died and the window passed; it alerts. */
  FAILED,
  /** Nobody ran it before its window ended, e.g. every runtime was down; it alerts. */
  MISSED
}
