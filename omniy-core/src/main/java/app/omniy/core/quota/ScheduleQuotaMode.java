package app.omniy.core.quota;

/**
 * What {@code PostService} does when a post is scheduled into a rolling 24 h whose publishing limit
 * the account's other posts already take (POST-3).
 */
public enum ScheduleQuotaMode {
  /** No check: the post is stored, and the dispatcher defers it or lets it miss its window. */
  OFF,
  /**
   * The post is stored, and the caller gets a {@code QUOTA_FULL} warning with the next free slot.
   */
  WARN,
  /** The post is refused with a {@code QUOTA_FULL} violation naming the next free slot. */
  REFUSE
}
