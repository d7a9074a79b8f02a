package app.omniy.core.alert.silence;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.alert.AlertKey;
import app.omniy.core.sla.DowntimeCause;
import app.omniy.core.sla.DowntimePeriod;
import app.omniy.core.sla.SlaTarget;
import app.omniy.core.sla.spi.DowntimeStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaintenanceSilencesTest {
  private static final Instant T0 = Instant.parse("2026-04-01T01:00:00Z");

  @Test
  void only_planned_maintenance_periods_silence_and_they_silence_every_alert_for_their_span() {
    DowntimePeriod maintenance =
        new DowntimePeriod(
            T0,
            T0.plusSeconds(7200),
            DowntimeCause.PLANNED_MAINTENANCE,
            SlaTarget.SYSTEM,
            "database migration");
    DowntimePeriod incident = DowntimePeriod.of(T0, T0.plusSeconds(600), DowntimeCause.INCIDENT);

    List<Silence> silences =
        MaintenanceSilences.of(
            List.of(
                new DowntimeStore.Stored("m1", maintenance),
                new DowntimeStore.Stored("i1", incident)));

    assertThat(silences)
        .containsExactly(
            new Silence(
                "maintenance-m1",
                Map.of(),
                T0,
                T0.plusSeconds(7200),
                MaintenanceSilences.BY,
                "planned maintenance: database migration"));
    Silence silence = silences.get(0);
    assertThat(silence.silences(new AlertKey("ALERT-C1", Map.of()), T0)).isTrue();
    assertThat(silence.silences(new AlertKey("ALERT-I2", Map.of("account", "1")), T0)).isTrue();
    assertThat(silence.silences(new AlertKey("ALERT-C1", Map.of()), T0.plusSeconds(7200)))
        .isFalse();
  }
}
