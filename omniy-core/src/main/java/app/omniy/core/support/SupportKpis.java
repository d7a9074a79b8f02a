package app.omniy.core.support;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.sla.ExactRatio;
import app.omniy.core.sla.SlaMonth;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A month's support indicators (SUP-3) as plain counts, so every figure is exact: first-contact
 * resolution (target at least 80%), satisfaction (at least 4.5 of 5) and mean resolution time (at
 * most 24 h), plus the first-response breaches of SUP-1 and the tickets per escalation level
 * (SUP-2).
 *
 * <p>A ticket counts in the month its event falls in, in the month's zone (JST for the guide):
 * opened tickets by {@code openedAt}, resolutions, first-contact resolutions, ratings and
 * resolution times by {@code resolvedAt}, first-response breaches by {@code openedAt}. A month
 * without resolved tickets has no rate to miss: its objectives count as met and its figures are
 * empty.
 *
 * @param month the month measured
 * @param opened tickets opened in the month
 * @param resolved tickets resolved in the month
 * @param resolvedAtFirstContact of those, resolved by the first answer
 * @param rated of those, rated by the customer
 * @param ratingSum the sum of those ratings
 * @param resolutionSeconds the sum of the resolved tickets' times from opening to resolution
 * @param responseBreaches tickets opened in the month whose first response was late (SUP-1)
 * @param byLevel tickets opened in the month per escalation level reached (SUP-2)
 */
public record SupportKpis(
    SlaMonth month,
    long opened,
    long resolved,
    long resolvedAtFirstContact,
    long rated,
    long ratingSum,
    long resolutionSeconds,
    long responseBreaches,
    Map<EscalationLevel, Long> byLevel) {

  /** First-contact resolution target: at least 80% (SUP-3). */
  public static final BigDecimal FIRST_CONTACT_OBJECTIVE_PERCENT = new BigDecimal("80");

  /** Satisfaction target: a mean of at least 4.5 out of 5 (SUP-3). */
  public static final ExactRatio SATISFACTION_OBJECTIVE = ExactRatio.of(9, 2);

  /** Mean resolution target: at most 24 hours (SUP-3). */
  public static final Duration MEAN_RESOLUTION_OBJECTIVE = Duration.ofHours(24);

  /**
   * @throws InvalidValueException if the month or the level counts are missing, a count is
   *     negative, or a part exceeds its whole
   */
  public SupportKpis {
    Require.nonNull(month, "month");
    requireCount("opened", opened, Long.MAX_VALUE);
    requireCount("resolved", resolved, Long.MAX_VALUE);
    requireCount("resolvedAtFirstContact", resolvedAtFirstContact, resolved);
    requireCount("rated", rated, resolved);
    requireCount("ratingSum", ratingSum, rated * SupportTicket.MAX_RATING);
    if (ratingSum < rated * SupportTicket.MIN_RATING) {
      throw new InvalidValueException("ratingSum", ratingSum, "must be at least rated × 1");
    }
    requireCount("resolutionSeconds", resolutionSeconds, Long.MAX_VALUE);
    requireCount("responseBreaches", responseBreaches, opened);
    Require.nonNull(byLevel, "byLevel");
    EnumMap<EscalationLevel, Long> levels = new EnumMap<>(EscalationLevel.class);
    for (EscalationLevel level : EscalationLevel.values()) {
      long count = byLevel.getOrDefault(level, 0L);
      requireCount("byLevel." + level, count, Long.MAX_VALUE);
      levels.put(level, count);
    }
    byLevel = Collections.unmodifiableMap(levels);
  }

  /**
   * The indicators of {@code month} from {@code tickets}; first-response breaches are judged by
   * {@code deadlines} as of {@code asOf} (an unanswered ticket is late only once past its due
   * time).
   */
  public static SupportKpis of(
      SlaMonth month, Collection<SupportTicket> tickets, SupportDeadlines deadlines, Instant asOf) {
    Require.nonNull(month, "month");
    Require.nonNull(tickets, "tickets");
    Require.nonNull(deadlines, "deadlines");
    long opened = 0;
    long resolved = 0;
    long firstContact = 0;
    long rated = 0;
    long ratingSum = 0;
    long seconds = 0;
    long breaches = 0;
    EnumMap<EscalationLevel, Long> levels = new EnumMap<>(EscalationLevel.class);
    for (SupportTicket t : tickets) {
      if (month.range().contains(t.openedAt())) {
        opened++;
        levels.merge(t.level(), 1L, Long::sum);
        if (deadlines.breach(t, asOf).isPresent()) {
          breaches++;
        }
      }
      Instant done = t.resolvedAt();
      if (done != null && month.range().contains(done)) {
        resolved++;
        firstContact += t.resolvedAtFirstContact() ? 1 : 0;
        seconds += Duration.between(t.openedAt(), done).getSeconds();
        if (t.satisfaction() != null) {
          rated++;
          ratingSum += t.satisfaction();
        }
      }
    }
    return new SupportKpis(
        month, opened, resolved, firstContact, rated, ratingSum, seconds, breaches, levels);
  }

  /** The share of resolved tickets resolved by the first answer; empty with none resolved. */
  public Optional<ExactRatio> firstContactResolution() {
    return resolved == 0
        ? Optional.empty()
        : Optional.of(ExactRatio.of(resolvedAtFirstContact, resolved));
  }

  /** The mean rating, exactly (such as 9/2 for 4.5); empty with no ratings. */
  public Optional<ExactRatio> satisfaction() {
    return rated == 0 ? Optional.empty() : Optional.of(ExactRatio.of(ratingSum, rated));
  }

  /** The mean resolution time in seconds, exactly; empty with none resolved. */
  public Optional<ExactRatio> meanResolutionSeconds() {
    return resolved == 0
        ? Optional.empty()
        : Optional.of(ExactRatio.of(resolutionSeconds, resolved));
  }

  /** Whether first-contact resolution is at least 80%, compared exactly. */
  public boolean firstContactResolutionMet() {
    return firstContactResolution()
        .map(r -> r.isAtLeastPercent(FIRST_CONTACT_OBJECTIVE_PERCENT))
        .orElse(true);
  }

  /** Whether the mean rating is at least 4.5, compared exactly. */
  public boolean satisfactionMet() {
    return satisfaction().map(s -> s.compareTo(SATISFACTION_OBJECTIVE) >= 0).orElse(true);
  }

  /** Whether the mean resolution time is at most 24 hours, compared exactly. */
  public boolean meanResolutionMet() {
    ExactRatio limit = ExactRatio.of(MEAN_RESOLUTION_OBJECTIVE.getSeconds(), 1);
    return meanResolutionSeconds().map(m -> m.compareTo(limit) <= 0).orElse(true);
  }

  /** Whether every SUP-3 target was met. */
  public boolean allMet() {
    return firstContactResolutionMet() && satisfactionMet() && meanResolutionMet();
  }

  private static void requireCount(String field, long value, long max) {
    if (value < 0) {
      throw new InvalidValueException(field, value, "must not be negative");
    }
    if (value > max) {
      throw new InvalidValueException(field, value, "must not exceed " + max);
    }
  }
}
