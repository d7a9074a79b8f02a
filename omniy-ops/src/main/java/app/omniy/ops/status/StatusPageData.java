package app.omniy.ops.status;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.incident.Incident;
import app.omniy.core.sla.SlaMonth;
import app.omniy.core.sla.SlaReport;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the public status page shows (KPI-2): the availability of up to 90 days, the current
 * incidents and notices, and the month's SLA figures. Build it with {@link #builder}.
 *
 * @param serviceName the service's name, as users know it
 * @param generatedAt when the page was written
 * @param zone the zone times are shown in (JST for the guide)
 * @param days the days' availability, oldest first, consecutive, at most {@value #MAX_DAYS}
 * @param incidents the incidents users should see; resolved ones are shown as resolved
 * @param notices the notices in force
 * @param sla the month's SLA report, or {@code null} to leave the figures out
 */
public record StatusPageData(
    String serviceName,
    Instant generatedAt,
    ZoneId zone,
    List<DayStatus> days,
    List<Incident> incidents,
    List<Notice> notices,
    @Nullable SlaReport sla) {

  /** The most days the page shows. */
  public static final int MAX_DAYS = 90;

  /**
   * @throws InvalidValueException if a value is missing, or the days are more than {@value
   *     #MAX_DAYS} or not consecutive
   */
  public StatusPageData {
    if (serviceName == null || serviceName.isBlank()) {
      throw new InvalidValueException("serviceName", serviceName, "must not be blank");
    }
    Require.nonNull(generatedAt, "generatedAt");
    Require.nonNull(zone, "zone");
    if (days == null || days.size() > MAX_DAYS) {
      throw new InvalidValueException(
          "days", days == null ? null : days.size(), "must be at most " + MAX_DAYS + " days");
    }
    for (int i = 1; i < days.size(); i++) {
      if (!days.get(i).date().equals(days.get(i - 1).date().plusDays(1))) {
        throw new InvalidValueException(
            "days[" + i + "]", days.get(i).date(), "must follow " + days.get(i - 1).date());
      }
    }
    Require.nonNull(incidents, "incidents");
    Require.nonNull(notices, "notices");
    days = List.copyOf(days);
    incidents = List.copyOf(incidents);
    notices = List.copyOf(notices);
  }

  /** A builder for the page of {@code serviceName} written at {@code generatedAt}. */
  public static Builder builder(String serviceName, Instant generatedAt) {
    return new Builder(serviceName, generatedAt);
  }

  /** Builds {@link StatusPageData}; the zone defaults to Asia/Tokyo, the lists to empty. */
  public static final class Builder {
    private final String serviceName;
    private final Instant generatedAt;
    private ZoneId zone = SlaMonth.DEFAULT_ZONE;
    private final List<DayStatus> days = new ArrayList<>();
    private final List<Incident> incidents = new ArrayList<>();
    private final List<Notice> notices = new ArrayList<>();
    private @Nullable SlaReport sla;

    private Builder(String serviceName, Instant generatedAt) {
      this.serviceName = serviceName;
      this.generatedAt = generatedAt;
    }

    /** The zone times are shown in. */
    public Builder zone(ZoneId zone) {
      this.zone = zone;
      return this;
    }

    /** The days' availability, oldest first (see {@link DayStatus#fromLedger}). */
    public Builder days(List<DayStatus> days) {
      this.days.addAll(days);
      return this;
    }

    /** An incident users should see. */
    public Builder incident(Incident incident) {
      this.incidents.add(incident);
      return this;
    }

    /** A notice in force. */
    public Builder notice(Notice notice) {
      this.notices.add(notice);
      return this;
    }

    /** The month's SLA report. */
    public Builder sla(SlaReport report) {
      this.sla = report;
      return this;
    }

    /**
     * @throws InvalidValueException if a value is missing or out of range
     */
    public StatusPageData build() {
      return new StatusPageData(serviceName, generatedAt, zone, days, incidents, notices, sla);
    }
  }
}
