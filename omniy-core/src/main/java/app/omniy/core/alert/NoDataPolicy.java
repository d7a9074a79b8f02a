package app.omniy.core.alert;

/**
 * What a rule does with a window that holds no data at all (ALERT-2's added decision). Too little
 * data — some samples, fewer than the rule's minimum — is never a problem, whatever the policy.
 */
public enum NoDataPolicy {
  /**
   * The default: no data is not a problem. It never fires, and a firing alert whose data disappears
   * resolves ("not enough data to confirm").
   */
  IGNORE,
  /**
   * No data is a problem, for meters that must always report (a heartbeat, a dead-man's switch): a
   * window without data counts as the condition holding, so it fires, repeats and escalates.
   */
  ALERT
}
