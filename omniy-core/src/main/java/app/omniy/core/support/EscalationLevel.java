package app.omniy.core.support;

/**
 * Who handles a support ticket (SUP-2): L1 answers from the FAQ and known issues, L2 reads logs and
 * configuration, L3 changes code.
 */
public enum EscalationLevel {
  /** FAQ and known issues. */
  L1,
  /** Logs and configuration. */
  L2,
  /** Code fixes. */
  L3
}
