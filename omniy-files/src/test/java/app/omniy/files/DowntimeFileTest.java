package app.omniy.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.sla.DowntimeCause;
import app.omniy.core.sla.DowntimePeriod;
import app.omniy.core.sla.SlaTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The downtime file (SLA-2): strict, times with offsets, errors with line and field. */
class DowntimeFileTest {
  @TempDir Path dir;

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("downtime.yaml"), yaml);
  }

  private InvalidFileException rejection(String yaml) throws IOException {
    Path file = write(yaml);
    try {
      DowntimeFile.read(file);
    } catch (InvalidFileException e) {
      return e;
    }
    throw new AssertionError("the file was accepted:\n" + yaml);
  }

  @Test
  void reads_periods_with_offsets_a_default_target_and_an_optional_note_and_zone()
      throws IOException {
    Path file =
        write(
            """
            zone: Europe/Berlin
            periods:
              - start: 2026-04-10T10:00:00+09:00
                end: 2026-04-10T10:50:00+09:00
                cause: incident
                note: database failover
              - start: 2026-04-12T02:00:00Z
                end: 2026-04-12T04:00:00Z
                cause: planned-maintenance
                target: core-api
            """);

    DowntimeFile parsed = DowntimeFile.read(file);

    assertThat(parsed.zoneId()).contains(ZoneId.of("Europe/Berlin"));
    assertThat(parsed.downtimePeriods())
        .containsExactly(
            new DowntimePeriod(
                Instant.parse("2026-04-10T01:00:00Z"),
                Instant.parse("2026-04-10T01:50:00Z"),
                DowntimeCause.INCIDENT,
                SlaTarget.SYSTEM,
                "database failover"),
            new DowntimePeriod(
                Instant.parse("2026-04-12T02:00:00Z"),
                Instant.parse("2026-04-12T04:00:00Z"),
                DowntimeCause.PLANNED_MAINTENANCE,
                SlaTarget.CORE_API,
                ""));
    assertThat(parsed.ledger().periods()).hasSize(2);
  }

  @Test
  void a_file_without_a_zone_and_with_no_periods_is_valid() throws IOException {
    DowntimeFile parsed = DowntimeFile.read(write("periods: []\n"));

    assertThat(parsed.zoneId()).isEmpty();
    assertThat(parsed.periods()).isEmpty();
  }

  @Test
  void a_time_without_an_offset_is_rejected_with_its_line_and_field() throws IOException {
    InvalidFileException e =
        rejection(
            """
            periods:
              - start: 2026-04-10T10:00:00+09:00
                end: 2026-04-10T11:00:00+09:00
                cause: incident
              - start: 2026-04-11T10:00:00
                end: 2026-04-11T11:00:00+09:00
                cause: incident
            """);

    assertThat(e.line()).isEqualTo(5);
    assertThat(e.field()).isEqualTo("periods[1].start");
    assertThat(e.reason()).startsWith("'2026-04-11T10:00:00' must be a time with an offset");
  }

  @Test
  void an_end_not_after_its_start_is_rejected() throws IOException {
    InvalidFileException e =
        rejection(
            """
            periods:
              - start: 2026-04-10T10:00:00+09:00
                end: 2026-04-10T10:00:00+09:00
                cause: incident
            """);

    assertThat(e.line()).isEqualTo(3);
    assertThat(e.field()).isEqualTo("periods[0].end");
    assertThat(e.reason()).contains("must be after start");
  }

  @Test
  void an_unknown_cause_is_rejected_naming_the_allowed_ones() throws IOException {
    InvalidFileException e =
        rejection(
            """
            periods:
              - start: 2026-04-10T10:00:00+09:00
                end: 2026-04-10T11:00:00+09:00
                cause: outage
            """);

    assertThat(e.line()).isEqualTo(4);
    assertThat(e.field()).isEqualTo("periods[0].cause");
    assertThat(e.reason()).contains("'outage'", "incident, planned-maintenance, ddos, probe");
  }

  @Test
  void an_unknown_key_is_rejected_with_its_line() throws IOException {
    InvalidFileException e =
        rejection(
            """
            periods:
              - start: 2026-04-10T10:00:00+09:00
                end: 2026-04-10T11:00:00+09:00
                cause: incident
                reason: typo for note
            """);

    assertThat(e.line()).isEqualTo(5);
    assertThat(e.field()).isEqualTo("periods[0].reason");
    assertThat(e.reason()).isEqualTo("unknown key 'reason'");
  }

  @Test
  void a_missing_start_an_unknown_target_and_an_unknown_zone_are_each_rejected()
      throws IOException {
    assertThat(rejection("periods:\n  - end: 2026-04-10T11:00:00Z\n    cause: incident\n"))
        .satisfies(e -> assertThat(e.field()).isEqualTo("periods[0].start"));
    assertThat(
            rejection(
                "periods:\n  - start: 2026-04-10T10:00:00Z\n    end: 2026-04-10T11:00:00Z\n"
                    + "    cause: incident\n    target: web\n"))
        .satisfies(e -> assertThat(e.field()).isEqualTo("periods[0].target"));
    assertThat(rejection("zone: Mars/Olympus\nperiods: []\n"))
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("zone");
              assertThat(e.line()).isEqualTo(1);
            });
    assertThat(rejection("zone: Asia/Tokyo\n"))
        .satisfies(e -> assertThat(e.field()).isEqualTo("periods"));
  }

  @Test
  void an_empty_period_is_required_by_its_index_and_times_lie_within_the_years_10000() {
    InvalidFileException empty =
        rejectionOf(
            "periods:\n  - start: 2026-04-10T10:00:00Z\n    end: 2026-04-10T11:00:00Z\n    cause: incident\n  - null\n");
    InvalidFileException far =
        rejectionOf(
            "periods:\n  - start: 2026-04-10T10:00:00Z\n    end: +999999999-04-10T11:00:00Z\n"
                + "    cause: incident\n");

    assertThat(empty.field()).isEqualTo("periods[1]");
    assertThat(empty.reason()).isEqualTo("is required");
    assertThat(far.field()).isEqualTo("periods[0].end");
    assertThat(far.reason())
        .isEqualTo("'+999999999-04-10T11:00:00Z' must lie between the years -10000 and 10000");
  }

  @Test
  void bytes_that_are_not_utf_8_are_reported_at_their_line_not_as_a_java_exception() {
    byte[] content =
        "periods:\n  - start: 2026-04-10T10:00:00Z\n    note: \u00ff\n"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> DowntimeFile.parse(Path.of("downtime.yaml"), content))
        .isInstanceOf(InvalidFileException.class)
        .hasMessage("downtime.yaml:3:11: not valid UTF-8: byte 0xFF at offset 51");
  }

  private static InvalidFileException rejectionOf(String yaml) {
    try {
      DowntimeFile.parse(
          Path.of("downtime.yaml"), yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (InvalidFileException e) {
      return e;
    }
    throw new AssertionError("the file was accepted:\n" + yaml);
  }

  @Test
  void a_missing_file_is_rejected_as_such() {
    assertThatThrownBy(() -> DowntimeFile.read(dir.resolve("none.yaml")))
        .isInstanceOfSatisfying(
            InvalidFileException.class, e -> assertThat(e.reason()).isEqualTo("no such file"));
  }
}
