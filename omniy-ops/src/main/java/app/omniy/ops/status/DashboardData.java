package app.omniy.ops.status;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.sla.SlaMonth;
import java.time.Instant;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * What the operator dashboard shows (KPI-2): the system overview, infrastructure, business and user
 * experience. A section left out reads "not supplied". Build it with {@link #builder}.
 *
 * @param title the dashboard's title
 * @param generatedAt when it was written
 * @param zone the zone times are shown in
 * @param system the system overview, or {@code null}
 * @param infrastructure the infrastructure figures, or {@code null}
 * @param business the business figures, or {@code null}
 * @param userExperience the user-experience figures, or {@code null}
 */
public record DashboardData(
    String title,
    Instant generatedAt,
    ZoneId zone,
    @Nullable SystemFigures system,
    @Nullable InfrastructureFigures infrastructure,
    @Nullable BusinessFigures business,
    @Nullable UserExperienceFigures userExperience) {

  /**
   * @throws InvalidValueException if the title, time or zone is missing
   */
  public DashboardData {
    if (title == null || title.isBlank()) {
      throw new InvalidValueException("title", title, "must not be blank");
    }
    Require.nonNull(generatedAt, "generatedAt");
    Require.nonNull(zone, "zone");
  }

  /** A builder for the dashboard titled {@code title}, written at {@code generatedAt}. */
  public static Builder builder(String title, Instant generatedAt) {
    return new Builder(title, generatedAt);
  }

  /** Builds {@link DashboardData}; the zone defaults to Asia/Tokyo. */
  public static final class Builder {
    private final String title;
    private final Instant generatedAt;
    private ZoneId zone = SlaMonth.DEFAULT_ZONE;
    private @Nullable SystemFigures system;
    private @Nullable InfrastructureFigures infrastructure;
    private @Nullable BusinessFigures business;
    private @Nullable UserExperienceFigures userExperience;

    private Builder(String title, Instant generatedAt) {
      this.title = title;
      this.generatedAt = generatedAt;
    }

    /** The zone times are shown in. */
    public Builder zone(ZoneId zone) {
      this.zone = zone;
      return this;
    }

    /** The system overview. */
    public Builder system(SystemFigures figures) {
      this.system = figures;
      return this;
    }

    /** The infrastructure figures. */
    public Builder infrastructure(InfrastructureFigures figures) {
      this.infrastructure = figures;
      return this;
    }

    /** The business figures. */
    public Builder business(BusinessFigures figures) {
      this.business = figures;
      return this;
    }

    /** The user-experience figures. */
    public Builder userExperience(UserExperienceFigures figures) {
      this.userExperience = figures;
      return this;
    }

    /**
     * @throws InvalidValueException if the title, time or zone is missing
     */
    public DashboardData build() {
      return new DashboardData(
          title, generatedAt, zone, system, infrastructure, business, userExperience);
    }
  }
}
