package app.omniy.core.sla;

import static app.omniy.core.sla.DowntimeCause.DDOS;
import static app.omniy.core.sla.DowntimeCause.INCIDENT;
import static app.omniy.core.sla.DowntimeCause.PLANNED_MAINTENANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SLA-2: merging, exclusions, month splits and targets. The JVM runs in New York on purpose. */
class DowntimeLedgerTest {
  private static final SlaMonth APRIL = SlaMonth.of(YearMonth.of(2026, 4));
  private static final SlaMonth MAY = SlaMonth.of(YearMonth.of(2026, 5));

  static Instant jst(String localDateTime) {
    return OffsetDateTime.parse(localDateTime + "+09:00").toInstant();
  }

  static DowntimePeriod period(String start, String end, DowntimeCause cause) {
    return DowntimePeriod.of(jst(start), jst(end), cause);
  }

  static DowntimePeriod period(String start, String end, DowntimeCause cause, SlaTarget target) {
    return new DowntimePeriod(jst(start), jst(end), cause, target, "");
  }

  private static long systemDown(SlaMonth month, DowntimePeriod... periods) {
    return DowntimeLedger.of(List.of(periods))
        .availability(SlaTarget.SYSTEM, month)
        .downtimeSeconds();
  }

  @Test
  void overlapping_incidents_count_once() {
    long down =
        systemDown(
            APRIL,
            period("2026-04-10T10:00:00", "2026-04-10T11:00:00", INCIDENT),
            period("2026-04-10T10:30:00", "2026-04-10T11:30:00", INCIDENT),
            period("2026-04-10T10:40:00", "2026-04-10T10:50:00", INCIDENT));

    assertThat(down).isEqualTo(5_400);
  }

  @Test
  void touching_periods_are_half_open_and_add_up_without_a_shared_second() {
    long down =
        systemDown(
            APRIL,
            period("2026-04-10T10:00:00", "2026-04-10T10:00:10", INCIDENT),
            period("2026-04-10T10:00:10", "2026-04-10T10:00:20", INCIDENT));

    assertThat(down).isEqualTo(20);
  }

  @Test
  void maintenance_overlapping_an_incident_removes_only_the_overlap() {
    long down =
        systemDown(
            APRIL,
            period("2026-04-10T10:00:00", "2026-04-10T12:00:00", INCIDENT),
            period("2026-04-10T11:00:00", "2026-04-10T13:00:00", PLANNED_MAINTENANCE));

    assertThat(down).isEqualTo(3_600);
  }

  @Test
  void an_exclusion_inside_an_incident_splits_it_and_one_spanning_two_incidents_covers_both() {
    DowntimeLedger ledger =
        DowntimeLedger.of(
            List.of(
                period("2026-04-10T10:00:00", "2026-04-10T12:00:00", INCIDENT),
                period("2026-04-10T10:30:00", "2026-04-10T11:00:00", DDOS),
                period("2026-04-11T10:00:00", "2026-04-11T10:10:00", INCIDENT),
                period("2026-04-11T10:20:00", "2026-04-11T10:30:00", INCIDENT),
                period("2026-04-11T09:00:00", "2026-04-11T10:25:00", PLANNED_MAINTENANCE)));

    assertThat(ledger.downtime(SlaTarget.SYSTEM, APRIL.range()))
        .containsExactly(
            new TimeRange(jst("2026-04-10T10:00:00"), jst("2026-04-10T10:30:00")),
            new TimeRange(jst("2026-04-10T11:00:00"), jst("2026-04-10T12:00:00")),
            new TimeRange(jst("2026-04-11T10:25:00"), jst("2026-04-11T10:30:00")));
    assertThat(ledger.downtimeSeconds(SlaTarget.SYSTEM, APRIL.range())).isEqualTo(5_700);
  }

  @Test
  void planned_maintenance_and_ddos_alone_are_not_downtime_and_do_not_shrink_the_month() {
    DowntimeLedger ledger =
        DowntimeLedger.of(
            List.of(
                period("2026-04-10T00:00:00", "2026-04-12T00:00:00", PLANNED_MAINTENANCE),
                period("2026-04-20T00:00:00", "2026-04-20T06:00:00", DDOS)));

    Availability april = ledger.availability(SlaTarget.SYSTEM, APRIL);

    assertThat(april.downtimeSeconds()).isZero();
    assertThat(april.measuredSeconds()).isEqualTo(2_592_000);
    assertThat(april.uptime()).isEqualTo(ExactRatio.of(1, 1));
  }

  @Test
  void a_period_across_midnight_at_the_end_of_a_month_in_jst_is_split_between_the_months() {
    // 23:30 on 30 April JST is 10:30 in New York, the JVM's zone: the split must use JST.
    DowntimeLedger ledger =
        DowntimeLedger.of(List.of(period("2026-04-30T23:30:00", "2026-05-01T00:45:00", INCIDENT)));

    assertThat(ledger.availability(SlaTarget.SYSTEM, APRIL).downtimeSeconds()).isEqualTo(1_800);
    assertThat(ledger.availability(SlaTarget.SYSTEM, MAY).downtimeSeconds()).isEqualTo(2_700);
    assertThat(ledger.periodsIn(APRIL))
        .singleElement()
        .satisfies(p -> assertThat(p.end()).isEqualTo(jst("2026-05-01T00:00:00")));
    assertThat(ledger.periodsIn(MAY))
        .singleElement()
        .satisfies(p -> assertThat(p.start()).isEqualTo(jst("2026-05-01T00:00:00")));
    assertThat(ledger.months(SlaMonth.DEFAULT_ZONE)).containsExactly(APRIL, MAY);
  }

  @Test
  void the_same_period_falls_in_one_month_in_utc() {
    DowntimeLedger ledger =
        DowntimeLedger.of(List.of(period("2026-04-30T23:30:00", "2026-05-01T00:45:00", INCIDENT)));

    SlaMonth aprilUtc = SlaMonth.of(YearMonth.of(2026, 4), ZoneId.of("UTC"));

    assertThat(ledger.availability(SlaTarget.SYSTEM, aprilUtc).downtimeSeconds()).isEqualTo(4_500);
  }

  @Test
  void a_system_period_counts_against_the_core_api_but_a_core_api_period_not_against_the_system() {
    DowntimeLedger ledger =
        DowntimeLedger.of(
            List.of(
                period("2026-04-10T10:00:00", "2026-04-10T10:10:00", INCIDENT, SlaTarget.SYSTEM),
                period(
                    "2026-04-10T10:05:00", "2026-04-10T10:20:00", INCIDENT, SlaTarget.CORE_API)));

    assertThat(ledger.availability(SlaTarget.SYSTEM, APRIL).downtimeSeconds()).isEqualTo(600);
    assertThat(ledger.availability(SlaTarget.CORE_API, APRIL).downtimeSeconds()).isEqualTo(1_200);
  }

  @Test
  void a_core_api_maintenance_excludes_core_api_downtime_only() {
    DowntimeLedger ledger =
        DowntimeLedger.of(
            List.of(
                period("2026-04-10T10:00:00", "2026-04-10T11:00:00", INCIDENT, SlaTarget.SYSTEM),
                period(
                    "2026-04-10T10:00:00",
                    "2026-04-10T11:00:00",
                    PLANNED_MAINTENANCE,
                    SlaTarget.CORE_API)));

    assertThat(ledger.availability(SlaTarget.SYSTEM, APRIL).downtimeSeconds()).isEqualTo(3_600);
    assertThat(ledger.availability(SlaTarget.CORE_API, APRIL).downtimeSeconds()).isZero();
  }

  @Test
  void months_have_their_real_length_in_seconds_including_february_and_daylight_saving() {
    ZoneId newYork = ZoneId.of("America/New_York");

    assertThat(APRIL.seconds()).isEqualTo(30 * 86_400L);
    assertThat(MAY.seconds()).isEqualTo(31 * 86_400L);
    assertThat(SlaMonth.of(YearMonth.of(2026, 2)).seconds()).isEqualTo(28 * 86_400L);
    assertThat(SlaMonth.of(YearMonth.of(2028, 2)).seconds()).isEqualTo(29 * 86_400L);
    assertThat(SlaMonth.of(YearMonth.of(2026, 3), newYork).seconds())
        .isEqualTo(31 * 86_400L - 3_600);
    assertThat(SlaMonth.of(YearMonth.of(2026, 11), newYork).seconds())
        .isEqualTo(30 * 86_400L + 3_600);
  }

  @Test
  void fractions_of_a_second_are_cut_off_and_a_period_shorter_than_a_second_is_rejected() {
    Instant start = jst("2026-04-10T10:00:00");

    assertThat(
            DowntimePeriod.of(start.plusMillis(900), start.plusMillis(2_500), INCIDENT).seconds())
        .isEqualTo(2);
    assertThatThrownBy(
            () -> DowntimePeriod.of(start.plusMillis(100), start.plusMillis(900), INCIDENT))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("end"));
  }

  @Test
  void burn_rate_is_the_downtime_share_of_the_window_over_the_allowed_share() {
    DowntimeLedger ledger =
        DowntimeLedger.of(List.of(period("2026-04-10T10:00:00", "2026-04-10T10:00:36", INCIDENT)));
    TimeRange hour = new TimeRange(jst("2026-04-10T10:00:00"), jst("2026-04-10T11:00:00"));

    // 36 s of 3,600 s is 1%; 99.9% allows 0.1%: a burn rate of exactly 10.
    assertThat(ledger.burnRate(SlaTarget.SYSTEM, hour)).isEqualTo(ExactRatio.of(10, 1));
  }

  @Test
  void causes_and_targets_parse_from_their_file_names_and_reject_others() {
    assertThat(DowntimeCause.of("planned-maintenance")).isEqualTo(PLANNED_MAINTENANCE);
    assertThat(SlaTarget.of("core-api")).isEqualTo(SlaTarget.CORE_API);
    assertThatThrownBy(() -> DowntimeCause.of("outage"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("incident, planned-maintenance, ddos, probe");
    assertThatThrownBy(() -> SlaTarget.of("web")).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void random_ledgers_agree_with_a_second_by_second_count() {
    java.util.Random random = new java.util.Random(42);
    Instant origin = jst("2026-04-10T00:00:00");
    TimeRange window = new TimeRange(origin.plusSeconds(500), origin.plusSeconds(9_500));
    for (int run = 0; run < 300; run++) {
      boolean[] down = new boolean[10_000];
      boolean[] excluded = new boolean[10_000];
      List<DowntimePeriod> periods = new java.util.ArrayList<>();
      for (int i = random.nextInt(12); i > 0; i--) {
        int start = random.nextInt(9_900);
        int end = start + 1 + random.nextInt(1_500);
        DowntimeCause cause = DowntimeCause.values()[random.nextInt(4)];
        SlaTarget target = random.nextBoolean() ? SlaTarget.SYSTEM : SlaTarget.CORE_API;
        periods.add(
            new DowntimePeriod(
                origin.plusSeconds(start), origin.plusSeconds(end), cause, target, ""));
        if (target == SlaTarget.SYSTEM) {
          for (int s = start; s < Math.min(end, 10_000); s++) {
            (cause.excluded() ? excluded : down)[s] = true;
          }
        }
      }
      long expected = 0;
      for (int s = 500; s < 9_500; s++) {
        expected += down[s] && !excluded[s] ? 1 : 0;
      }
      DowntimeLedger ledger = DowntimeLedger.of(periods);

      assertThat(ledger.downtimeSeconds(SlaTarget.SYSTEM, window)).isEqualTo(expected);
      List<TimeRange> ranges = ledger.downtime(SlaTarget.SYSTEM, window);
      assertThat(ranges.stream().mapToLong(TimeRange::seconds).sum()).isEqualTo(expected);
      for (int r = 1; r < ranges.size(); r++) {
        assertThat(ranges.get(r).start()).isAfter(ranges.get(r - 1).end());
      }
    }
  }
}
