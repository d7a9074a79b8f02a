package app.omniy.core.sla;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A calendar month in the zone the service levels are measured in (SLA-1: JST). Its start and end
 * are instants, so a month in a zone with daylight saving time has the hours it really has, and
 * February has 28 or 29 days.
 *
 * <p>A value class rather than a record only so that the boundaries are computed once: billing
 * measures the same month for every customer.
 */
public final class SlaMonth {
  /** The zone of the guide's calendar months (SLA-1). */
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Tokyo");

  private final YearMonth month;
  private final ZoneId zone;
  private final TimeRange range;

  private SlaMonth(YearMonth month, ZoneId zone) {
    Require.nonNull(month, "month");
    Require.nonNull(zone, "zone");
    this.month = month;
    this.zone = zone;
    this.range =
        new TimeRange(
            month.atDay(1).atStartOfDay(zone).toInstant(),
            month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
  }

  /** {@code month} in {@link #DEFAULT_ZONE}. */
  public static SlaMonth of(YearMonth month) {
    return new SlaMonth(month, DEFAULT_ZONE);
  }

  /**
   * {@code month} in {@code zone}.
   *
   * @throws InvalidValueException if either is missing
   */
  public static SlaMonth of(YearMonth month, ZoneId zone) {
    return new SlaMonth(month, zone);
  }

  /** The month holding {@code instant} in {@code zone}. */
  public static SlaMonth containing(Instant instant, ZoneId zone) {
    return new SlaMonth(YearMonth.from(instant.atZone(zone)), zone);
  }

  /** The calendar month. */
  public YearMonth month() {
    return month;
  }

  /** The zone whose midnights start and end it. */
  public ZoneId zone() {
    return zone;
  }

  /** The first instant of the month: midnight of its first day in the zone. */
  public Instant start() {
    return range.start();
  }

  /** The first instant after the month: midnight of the next month's first day in the zone. */
  public Instant end() {
    return range.end();
  }

  /** The month as a half-open range. */
  public TimeRange range() {
    return range;
  }

  /** The seconds in the month: 2,592,000 for 30 days of 24 hours; DST months differ by 3,600. */
  public long seconds() {
    return range.seconds();
  }

  /** The next month in the same zone. */
  public SlaMonth next() {
    return new SlaMonth(month.plusMonths(1), zone);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SlaMonth that && month.equals(that.month) && zone.equals(that.zone);
  }

  @Override
  public int hashCode() {
    return Objects.hash(month, zone);
  }

  @Override
  public String toString() {
    return month + " (" + zone + ")";
  }
}
