package app.omniy.ops.maintenance;

import static app.omniy.ops.maintenance.OpsFixtures.jst;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Money;
import app.omniy.core.incident.Incident;
import app.omniy.core.incident.IncidentSeverity;
import app.omniy.core.incident.Milestone;
import app.omniy.core.maintenance.JobIds;
import app.omniy.core.maintenance.JobOutcome;
import app.omniy.core.maintenance.JobRun;
import app.omniy.core.maintenance.MaintenanceCalendar;
import app.omniy.core.maintenance.TaskFailedException;
import app.omniy.core.maintenance.spi.JobContext;
import app.omniy.core.memory.InMemoryIncidentStore;
import app.omniy.core.memory.InMemoryJobLeaseStore;
import app.omniy.core.memory.InMemoryJobRunStore;
import app.omniy.core.memory.InMemoryPostStore;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.PostState;
import app.omniy.core.post.Reasons;
import app.omniy.core.quota.QuotaPolicy;
import app.omniy.core.security.LoginAnomalySettings;
import app.omniy.core.security.LoginEvent;
import app.omniy.core.sla.SlaTarget;
import app.omniy.ops.report.CostFigures;
import app.omniy.ops.report.DailyFigures;
import app.omniy.ops.report.DirectoryReportSink;
import app.omniy.ops.report.LatencyFigures;
import app.omniy.ops.report.WeeklyCapacityReview;
import app.omniy.ops.report.WeeklySecurityReview;
import app.omniy.ops.security.CertificateCheck;
import app.omniy.ops.security.CertificateInfo;
import app.omniy.ops.security.LoginMonitor;
import app.omniy.ops.security.TlsEndpoint;
import app.omniy.runtime.maintenance.MaintenanceScheduler;
import app.omniy.testkit.SamplePosts;
import app.omniy.testkit.SettableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The weekly reviews of MNT-2: what each writes, from in-memory stores and a settable clock. */
class WeeklyReviewTasksTest {
  private static final ZoneId JST = ZoneId.of("Asia/Tokyo");

  @TempDir Path dir;
  private final InMemoryJobRunStore runs = new InMemoryJobRunStore();

  private static DailyFigures day(String date, long p95Millis) {
    Duration p95 = Duration.ofMillis(p95Millis);
    return new DailyFigures(
        LocalDate.parse(date),
        List.of(new LatencyFigures("api", Duration.ofMillis(100), p95, p95.plusMillis(50), 1000)),
        10_000,
        25,
        400,
        2);
  }

  private static JobContext context(String jobId, String dueJst) {
    Instant due = jst(dueJst);
    return new JobContext(
        MaintenanceCalendar.GUIDE.job(jobId).orElseThrow(), due, due.plusSeconds(5), JST);
  }

  private String read(DirectoryReportSink sink, String name) throws Exception {
    return Files.readString(sink.path(name));
  }

  @Test
  void the_monday_review_runs_at_nine_jst_and_covers_monday_to_sunday_with_the_incidents()
      throws Exception {
    // Under a zone with daylight saving, so a host default cannot move the JST instant.
    TimeZone before = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
    try {
      List<DailyFigures> history = new ArrayList<>();
      for (int d = 6; d <= 12; d++) {
        history.add(day(String.format("2026-04-%02d", d), 250));
      }
      // The 15th has no figures; the 16th is the worst day, over the 500 ms objective.
      history.add(day("2026-04-13", 300));
      history.add(day("2026-04-14", 320));
      history.add(day("2026-04-16", 520));
      history.add(day("2026-04-17", 300));
      history.add(day("2026-04-18", 280));
      history.add(day("2026-04-19", 300));
      history.add(day("2026-04-20", 999)); // Monday itself: next week's

      InMemoryIncidentStore store = new InMemoryIncidentStore();
      Incident sev2 =
          Incident.open(
              "INC-7",
              "Posting stalled",
              IncidentSeverity.SEV2,
              SlaTarget.SYSTEM,
              jst("2026-04-15T09:55:00"),
              jst("2026-04-15T10:00:00"));
      store.save(
          sev2.reach(Milestone.RESPONDED, jst("2026-04-15T10:20:00"))
              .reach(Milestone.RECOVERED, jst("2026-04-15T15:00:00"))
              .reach(Milestone.RESOLVED, jst("2026-04-15T16:00:00")));
      Incident lastWeek =
          Incident.open(
                  "INC-6",
                  "Old",
                  IncidentSeverity.SEV3,
                  SlaTarget.SYSTEM,
                  jst("2026-04-10T09:00:00"),
                  jst("2026-04-10T09:00:00"))
              .reach(Milestone.RESPONDED, jst("2026-04-10T09:10:00"))
              .reach(Milestone.RECOVERED, jst("2026-04-10T10:00:00"))
              .reach(Milestone.RESOLVED, jst("2026-04-10T11:00:00"));
      store.save(lastWeek);
      store.save(
          Incident.open(
              "INC-8",
              "Slow uploads",
              IncidentSeverity.SEV3,
              SlaTarget.SYSTEM,
              jst("2026-04-19T20:00:00"),
              jst("2026-04-19T20:00:00")));

      SettableClock clock = SettableClock.at(jst("2026-04-20T08:59:00"));
      DirectoryReportSink sink = new DirectoryReportSink(dir);
      // The Sev2 was resolved during the week: the store still lists it (openDuring), last
      // week's resolved incident it leaves out.
      WeeklySystemReviewTask task = new WeeklySystemReviewTask(() -> history, store, sink);
      MaintenanceScheduler s =
          MaintenanceScheduler.builder(clock)
              .leases(new InMemoryJobLeaseStore())
              .runs(runs)
              .registry(new SimpleMeterRegistry())
              .task(task)
              .build();
      assertThat(s.tick()).isEmpty();

      clock.set(jst("2026-04-20T09:00:00"));
      List<JobRun> ended = s.tick();

      assertThat(ended).hasSize(1);
      JobRun run = ended.get(0);
      assertThat(run.jobId()).isEqualTo(JobIds.WEEKLY_SYSTEM_REVIEW);
      assertThat(run.due()).isEqualTo(jst("2026-04-20T09:00:00"));
      assertThat(run.outcome()).isEqualTo(JobOutcome.SUCCEEDED);
      assertThat(run.output())
          .isEqualTo(
              "system-review: wrote system-review-2026-04-13.md and .json"
                  + " (2 incident(s), 2 with missed targets)");
      String md = read(sink, "system-review-2026-04-13.md");
      assertThat(md)
          .startsWith("# System review 2026-04-13 to 2026-04-19 (Asia/Tokyo)")
          .contains("| 2026-04-16 | 10000 | 25 | 400 | 2 | 520 ms |")
          .contains("No figures for: [2026-04-15].")
          .doesNotContain("2026-04-20 |")
          // Mean of 300, 320, 520, 300, 280, 300 = 336.6 ms against 250 ms: +34.6%.
          .contains(
              "| api | 100 ms | 520 ms | 570 ms | 2026-04-16 | 336 ms | +34.6% (mean 250 ms)"
                  + " | **over** |")
          .contains("2400 published, 12 failed (99.5024% success). 150 of 60000 requests failed.")
          .contains(
              "| INC-7 | Sev2 | Posting stalled | 2026-04-15T10:00:00+09:00 | 20 min | 300 min"
                  + " | 360 min | breached: recovered |")
          .contains(
              "| INC-8 | Sev3 | Slow uploads | 2026-04-19T20:00:00+09:00 | open | open | open"
                  + " | breached: responded, recovered |")
          .doesNotContain("INC-6")
          .contains("## Improvement proposals")
          .contains(
              "- INC-7: recovered target missed (due 2026-04-15T14:00:00+09:00,"
                  + " reached 2026-04-15T15:00:00+09:00)")
          .contains("- INC-8: responded target missed (due 2026-04-19T22:00:00+09:00, not reached)")
          .contains("- api p95 over its objective on 2026-04-16");
      String json = read(sink, "system-review-2026-04-13.json");
      assertThat(json)
          .contains("\"weekStart\":\"2026-04-13\"", "\"weekEnd\":\"2026-04-19\"")
          .contains("\"missingDays\":[\"2026-04-15\"]")
          .contains("\"meanP95Millis\":336", "\"previousMeanP95Millis\":250")
          .contains("\"changePercent\":\"34.6\"", "\"postSuccessPercent\":\"99.5024\"")
          .contains("\"id\":\"INC-7\",\"title\":\"Posting stalled\",\"severity\":2")
          .contains(
              "\"breaches\":[{\"milestone\":\"recovered\",\"due\":\"2026-04-15T14:00:00+09:00\"");
    } finally {
      TimeZone.setDefault(before);
    }
  }

  @Test
  void the_wednesday_review_shows_the_weeks_login_burst_certificates_and_failed_scans()
      throws Exception {
    LoginMonitor logins =
        LoginMonitor.create(LoginAnomalySettings.DEFAULTS, new SimpleMeterRegistry());
    // Five failures within 15 minutes complete a burst on the 16th; the one on the 14th is before
    // the week.
    for (int n = 0; n < 5; n++) {
      logins.record(
          LoginEvent.failure(
              "old", "198.51.100.9", "JP", "d1", jst("2026-04-14T03:00:00").plusSeconds(60L * n)));
      logins.record(
          LoginEvent.failure(
              "yuki", "203.0.113.7", "JP", "d1", jst("2026-04-16T02:00:00").plusSeconds(60L * n)));
    }
    Instant now = jst("2026-04-22T09:00:05");
    CertificateCheck expiring =
        new CertificateCheck(
            new TlsEndpoint("api.example", 443),
            CertificateCheck.Status.EXPIRING,
            new CertificateInfo(
                "CN=api.example",
                "CN=Test CA",
                now.minus(Duration.ofDays(80)),
                now.plus(Duration.ofDays(10)),
                10),
            null);
    for (int d = 14; d <= 21; d++) {
      Instant due = jst(String.format("2026-04-%02dT05:00:00", d));
      JobRun started = JobRun.running(JobIds.DAILY_SECURITY_SCAN, due, "rt-1", due);
      JobRun ended =
          switch (d) {
            case 14, 17 -> started.finish(due.plusSeconds(3), JobOutcome.FAILED, "", "TLS down");
            case 19 -> started.finish(due.plusSeconds(3), JobOutcome.MISSED, "", "not run");
            default -> started.finish(due.plusSeconds(3), JobOutcome.SUCCEEDED, "ok", null);
          };
      runs.save(ended);
    }
    DirectoryReportSink sink = new DirectoryReportSink(dir);
    WeeklySecurityReviewTask task =
        new WeeklySecurityReviewTask(logins, () -> List.of(expiring), runs, sink);

    String output = task.run(context(JobIds.WEEKLY_SECURITY_REVIEW, "2026-04-22T09:00:00"));

    assertThat(output)
        .isEqualTo(
            "wrote security-review-2026-04-15.md and .json (1 login anomalies,"
                + " 1 certificate finding(s), 2 failed scan(s))");
    String md = read(sink, "security-review-2026-04-15.md");
    assertThat(md)
        .startsWith("# Security review 2026-04-15 to 2026-04-21 (Asia/Tokyo)")
        .contains("1 this week: account-failure-burst 1 source-failure-burst 0")
        .contains("| 2026-04-16T02:04:00+09:00 | account-failure-burst | yuki | 203.0.113.7 |")
        .doesNotContain("| old |")
        .contains("**api.example:443 EXPIRING: 10 days left")
        .contains("2 of 7 daily scans failed or were missed.")
        .contains("- 2026-04-17T05:00:00+09:00 failed: TLS down")
        .contains("- 2026-04-19T05:00:00+09:00 missed: not run")
        .contains("Not checked by Omniy: review the host's access rights");
    assertThat(read(sink, "security-review-2026-04-15.json"))
        .contains("\"kind\":\"account-failure-burst\",\"account\":\"yuki\"")
        .contains("\"status\":\"expiring\"", "\"daysLeft\":10")
        .contains("\"scanRuns\":7", "\"permissionsChecked\":false");
  }

  private static void publish(InMemoryPostStore store, String id, String account, Instant at) {
    store.insert(SamplePosts.image(id, account, at), at.minusSeconds(3600));
    PostRecord claimed = store.claimDue(at, 1, "w", Duration.ofMinutes(5)).get(0);
    assertThat(claimed.id()).isEqualTo(id);
    PostRecord started =
        store.recordTransition(
            claimed.token(), PostState.PUBLISHING, Reasons.ATTEMPT_STARTED, at, at);
    PostRecord published =
        store.recordTransition(started.token(), PostState.PUBLISHED, Reasons.PUBLISHED, at, at);
    store.release(published.token(), at);
  }

  @Test
  void the_friday_review_shows_an_account_at_48_of_50_as_its_peak_with_pending_posts_and_costs()
      throws Exception {
    InMemoryPostStore store = new InMemoryPostStore();
    // 48 posts in ten hours on the 20th, 10 more two days later: the peak window holds 48.
    Instant first = jst("2026-04-20T10:00:00");
    for (int n = 0; n < 48; n++) {
      publish(store, "a-" + n, "acct-a", first.plus(Duration.ofSeconds(750L * n)));
    }
    for (int n = 0; n < 10; n++) {
      publish(store, "a2-" + n, "acct-a", jst("2026-04-22T12:00:00").plusSeconds(60L * n));
    }
    // Two slots the evening before the week still count in its first morning's window.
    publish(store, "b-0", "acct-b", jst("2026-04-16T22:00:00"));
    publish(store, "b-1", "acct-b", jst("2026-04-16T22:30:00"));
    publish(store, "b-2", "acct-b", jst("2026-04-17T08:00:00"));
    store.insert(
        SamplePosts.image("b-later", "acct-b", jst("2026-04-30T10:00:00")),
        jst("2026-04-23T10:00:00"));
    store.insert(
        SamplePosts.image("b-later2", "acct-b", jst("2026-04-30T11:00:00")),
        jst("2026-04-23T10:00:00"));
    CostFigures costs =
        new CostFigures(
            Money.of("1000000", "JPY"),
            Money.of("80000", "JPY"),
            Money.of("60000", "JPY"),
            100,
            95);
    DirectoryReportSink sink = new DirectoryReportSink(dir);
    WeeklyCapacityReviewTask task =
        new WeeklyCapacityReviewTask(
            store,
            () -> List.of("acct-a", "acct-b"),
            QuotaPolicy.DEFAULTS,
            () -> Optional.of(costs),
            sink);

    String output = task.run(context(JobIds.WEEKLY_CAPACITY_REVIEW, "2026-04-24T09:00:00"));

    assertThat(output)
        .isEqualTo(
            "wrote capacity-review-2026-04-17.md and .json (2 account(s), highest peak 48 of 50)");
    String md = read(sink, "capacity-review-2026-04-17.md");
    assertThat(md)
        .startsWith("# Capacity review 2026-04-17 to 2026-04-23 (Asia/Tokyo)")
        .contains("59 publishing slots taken, 2 posts pending.")
        .contains("| acct-a | 58 | 48 of 50 (96.00%) | 2026-04-20T19:47:30+09:00 | 0 |")
        .contains("| acct-b | 1 | 3 of 50 (6.00%) | 2026-04-17T08:00:00+09:00 | 2 |")
        .contains(
            "Infrastructure 8.00% of revenue (at most 10%), support 6.00% (at most 5%),"
                + " automation 95.00%.");
    assertThat(read(sink, "capacity-review-2026-04-17.json"))
        .contains("\"account\":\"acct-a\",\"slotsTaken\":58,\"peakSlots\":48,\"limit\":50")
        .contains("\"peakPercent\":\"96.00\"", "\"infrastructurePercent\":\"8.00\"");
  }

  @Test
  void a_source_that_cannot_be_read_fails_the_run_naming_it() {
    WeeklyCapacityReviewTask task =
        new WeeklyCapacityReviewTask(
            new InMemoryPostStore(),
            () -> {
              throw new IllegalStateException("account service down");
            },
            QuotaPolicy.DEFAULTS,
            Optional::empty,
            new DirectoryReportSink(dir));

    assertThatThrownBy(
            () -> task.run(context(JobIds.WEEKLY_CAPACITY_REVIEW, "2026-04-24T09:00:00")))
        .isInstanceOf(TaskFailedException.class)
        .hasMessage("could not read the accounts: account service down");
  }

  @Test
  void a_quiet_week_is_a_review_not_a_failure() throws Exception {
    DirectoryReportSink sink = new DirectoryReportSink(dir);
    WeeklySystemReviewTask task =
        new WeeklySystemReviewTask(List::of, new InMemoryIncidentStore(), sink);

    String output = task.run(context(JobIds.WEEKLY_SYSTEM_REVIEW, "2026-04-20T09:00:00"));

    assertThat(output).endsWith("(0 incident(s), 0 with missed targets)");
    assertThat(read(sink, "system-review-2026-04-13.md"))
        .contains("No latency measured.", "No incidents this week.")
        .contains("No target was missed this week.");
  }

  @Test
  void review_values_name_the_field_that_is_wrong() {
    assertThatThrownBy(() -> new WeeklyCapacityReview.AccountCapacity("a", -1, 0, null, 50, 0))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("slotsTaken")
        .hasMessageContaining("-1");
    assertThatThrownBy(
            () ->
                new WeeklySecurityReview(
                    JST,
                    LocalDate.parse("2026-04-15"),
                    Instant.EPOCH,
                    List.of(),
                    List.of(),
                    0,
                    null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("failedScans");
  }
}
