package app.omniy.core.alert.silence;

import app.omniy.core.Require;
import app.omniy.core.sla.DowntimeCause;
import app.omniy.core.sla.DowntimePeriod;
import app.omniy.core.sla.spi.DowntimeStore;
import java.util.List;
import java.util.Map;

/**
 * The silences of planned maintenance: every announced maintenance window recorded in the downtime
 * ledger (SLA-2, cause {@code planned-maintenance}) silences every alert for its span, so the
 * maintenance that the SLA excludes does not page either (ALERT-2). An alert still firing when the
 * window ends notifies then ({@link NotificationGate}).
 */
public final class MaintenanceSilences {
  /** The {@link Silence#by()} of a maintenance window's silence. */
  public static final String BY = "planned-maintenance";

  /** The prefix of a maintenance window's silence id, before the ledger entry's id. */
  public static final String ID_PREFIX = "maintenance-";

  private MaintenanceSilences() {}

  /** One silence of every alert per planned-maintenance period of {@code periods}, in order. */
  public static List<Silence> of(List<DowntimeStore.Stored> periods) {
    Require.nonNull(periods, "periods");
    return periods.stream()
        .filter(p -> p.period().cause() == DowntimeCause.PLANNED_MAINTENANCE)
        .map(p -> of(p.id(), p.period()))
        .toList();
  }

  /** The silence of one planned-maintenance period, whatever its recorded cause. */
  public static Silence of(String id, DowntimePeriod period) {
    Require.nonBlank(id, "id");
    Require.nonNull(period, "period");
    String comment =
        period.note().isEmpty() ? "planned maintenance" : "planned maintenance: " + period.note();
    return new Silence(ID_PREFIX + id, Map.of(), period.start(), period.end(), BY, comment);
  }
}
