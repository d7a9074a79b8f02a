package app.omniy.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.Money;
import app.omniy.core.billing.CreditOffer;
import app.omniy.core.billing.Customer;
import app.omniy.core.billing.MonthClose;
import app.omniy.core.billing.service.ClaimOutcome;
import app.omniy.core.billing.service.CreditDesk;
import app.omniy.core.maintenance.JobIds;
import app.omniy.core.maintenance.JobOutcome;
import app.omniy.core.maintenance.JobRun;
import app.omniy.core.maintenance.spi.BuiltInTask;
import app.omniy.core.memory.InMemoryCreditOfferStore;
import app.omniy.core.memory.InMemoryDowntimeStore;
import app.omniy.core.memory.InMemoryJobRunStore;
import app.omniy.core.sla.DowntimeCause;
import app.omniy.core.sla.DowntimePeriod;
import app.omniy.testkit.Await;
import app.omniy.testkit.ScriptedPublisher;
import app.omniy.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code Omniy.builder().credits(desk)}: the month-end credits job runs on the 1st (SLA-7). */
class OmniyCreditsTest {
  private static final Instant MAY_1_0900_JST =
      OffsetDateTime.parse("2026-05-01T09:00:00+09:00").toInstant();

  private final SettableClock clock = SettableClock.at(MAY_1_0900_JST.minusMillis(1));
  private final InMemoryDowntimeStore downtime = new InMemoryDowntimeStore();
  private final InMemoryCreditOfferStore offers = new InMemoryCreditOfferStore();
  private final InMemoryJobRunStore runs = new InMemoryJobRunStore();
  private final List<MonthClose> heard = new CopyOnWriteArrayList<>();
  private final List<Omniy> runtimes = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    runtimes.forEach(Omniy::close);
  }

  private CreditDesk desk() {
    Instant start = OffsetDateTime.parse("2026-04-10T01:00:00+09:00").toInstant();
    downtime.add(
        DowntimePeriod.of(start, start.plus(Duration.ofMinutes(120)), DowntimeCause.INCIDENT));
    return CreditDesk.builder(
            downtime,
            month ->
                List.of(
                    new Customer("cus_A", Money.of("1980", "JPY")),
                    new Customer("cus_B", Money.of("9800", "JPY"))))
        .offers(offers)
        .listener(heard::add)
        .clock(clock)
        .build();
  }

  @Test
  void the_month_end_job_runs_on_the_first_at_nine_jst_and_offers_every_customer_10_percent() {
    CreditDesk desk = desk();
    Omniy omniy =
        Omniy.builder()
            .publisher(new ScriptedPublisher())
            .clock(clock)
            .credits(desk)
            .maintenance(m -> m.runs(runs).pollEvery(Duration.ofMillis(5)))
            .start();
    runtimes.add(omniy);

    clock.set(MAY_1_0900_JST);
    JobRun run =
        Await.until(
                "the monthly job ran",
                Await.DEFAULT_TIMEOUT,
                () -> runs.history(JobIds.MONTHLY_REPORT, 1),
                history -> !history.isEmpty() && history.get(0).outcome() != JobOutcome.RUNNING)
            .get(0);

    assertThat(run.outcome()).isEqualTo(JobOutcome.SUCCEEDED);
    assertThat(run.output())
        .isEqualTo(
            "service-credits: closed 2026-04: availability 99.7222%, 10% credit offered to 2 of 2"
                + " customers, claimable through 2026-05-31");
    assertThat(offers.findByMonth(YearMonth.of(2026, 4)))
        .extracting(CreditOffer::amount)
        .containsExactlyInAnyOrder(Money.of("198", "JPY"), Money.of("980", "JPY"));
    assertThat(heard).singleElement().satisfies(c -> assertThat(c.owed()).hasSize(2));
    assertThat(desk.claim("cus_B", YearMonth.of(2026, 4), LocalDate.of(2026, 5, 1)).outcome())
        .isEqualTo(ClaimOutcome.RECORDED);
  }

  @Test
  void credits_alone_runs_the_maintenance_calendar_with_the_month_end_task() {
    Omniy omniy =
        Omniy.builder().publisher(new ScriptedPublisher()).clock(clock).credits(desk()).start();
    runtimes.add(omniy);

    assertThat(omniy.maintenance().orElseThrow().tasks(BuiltInTask.class))
        .singleElement()
        .satisfies(
            task -> {
              assertThat(task.jobId()).isEqualTo(JobIds.MONTHLY_REPORT);
              assertThat(task.name()).isEqualTo("service-credits");
            });
  }
}
