package app.omniy.core.support;

import java.time.Duration;

/**
 * A ticket's priority and its first-response target (SUP-1): emergency 1 hour at any hour; high 4
 * business hours; medium 1 business day; low 3 business days.
 */
public enum SupportPriority {
  /** One hour, counted on the clock, any day and hour. */
  EMERGENCY(Duration.ofHours(1), 0, false),
  /** Four business hours (weekdays 09:00–18:00 JST). */
  HIGH(Duration.ofHours(4), 0, true),
  /** One business day: the same time of day on the next business day. */
  MEDIUM(Duration.ZERO, 1, true),
  /** Three business days. */
  LOW(Duration.ZERO, 3, true);

  private final Duration hours;
  private final int businessDays;
  private final boolean businessTime;

  SupportPriority(Duration hours, int businessDays, boolean businessTime) {
    this.hours = hours;
    this.businessDays = businessDays;
    this.businessTime = businessTime;
  }

  /** The target in hours, for the hour-based priorities; zero for the day-based ones. */
  public Duration hours() {
    return hours;
  }

  /** The target in business days, for the day-based priorities; zero otherwise. */
  public int businessDays() {
    return businessDays;
  }

  /** Whether the target counts business time only. */
  public boolean countsBusinessTime() {
    return businessTime;
  }
}
