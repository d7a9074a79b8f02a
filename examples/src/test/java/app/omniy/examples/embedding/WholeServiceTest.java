package app.omniy.examples.embedding;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.Money;
import app.omniy.core.alert.Channel;
import app.omniy.core.billing.CreditOffer;
import app.omniy.core.billing.Customer;
import app.omniy.core.billing.service.ClaimOutcome;
import app.omniy.core.billing.service.ClaimResult;
import app.omniy.core.billing.service.CreditDesk;
import app.omniy.core.incident.Incident;
import app.omniy.core.incident.IncidentSeverity;
import app.omniy.core.incident.IncidentUpdate;
import app.omniy.core.incident.Milestone;
import app.omniy.core.maintenance.JobIds;
import app.omniy.core.maintenance.JobOutcome;
import app.omniy.core.maintenance.JobRun;
import app.omniy.core.metrics.MetricNames;
import app.omniy.core.post.PostState;
import app.omniy.core.sla.SlaMonth;
import app.omniy.core.sla.SlaTarget;
import app.omniy.firestore.FirestoreConnections;
import app.omniy.firestore.FirestoreStoreOptions;
import app.omniy.firestore.FirestoreStores;
import app.omniy.instagram.GraphApiConfig;
import app.omniy.instagram.InMemoryAccessTokens;
import app.omniy.instagram.InstagramPublisher;
import app.omniy.instagram.spi.AccessToken;
import app.omniy.notify.EmailNotifier;
import app.omniy.notify.SlackNotifier;
import app.omniy.notify.TwilioSmsNotifier;
import app.omniy.runtime.Omniy;
import app.omniy.stripe.ServiceCredits;
import app.omniy.stripe.StripeSettings;
import app.omniy.testkit.Await;
import app.omniy.testkit.FirestoreEmulator;
import app.omniy.testkit.FirestoreEmulatorExtension;
import app.omniy.testkit.SamplePosts;
import app.omniy.testkit.SettableClock;
import app.omniy.testkit.graph.FakeGraphApi;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.google.cloud.firestore.Firestore;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The autopilot end to end (SLA-2, SLA-7, ALERT-C1, INC-1, INC-2, INC-4): a host builds the whole
 * service with one builder on the Firestore emulator, the fake Graph API, and WireMock standing in
 * for Stripe, Slack and Twilio. A 120-minute outage of real 5xx answers in the host's {@code
 * http.server.requests} fires ALERT-C1, opens a Sev1 incident, pauses publishing, notifies, resumes
 * on recovery and records 7,200 s of downtime; the month-end job offers every customer 10 %, a
 * claim made twice applies one credit in Stripe, a late claim none — and a runtime killed 50
 * minutes into the outage and replaced on the same stores changes none of those figures.
 */
@ExtendWith(FirestoreEmulatorExtension.class)
class WholeServiceTest {
  @RegisterExtension
  static final WireMockExtension http =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final String ACCOUNT = "17841400000000001";
  private static final YearMonth APRIL = YearMonth.of(2026, 4);
  private static final Instant OUTAGE_START =
      OffsetDateTime.parse("2026-04-10T01:00:00+09:00").toInstant();
  private static final Instant OUTAGE_END = OUTAGE_START.plus(Duration.ofMinutes(120));
  private static final Instant T0 = OUTAGE_START.minus(Duration.ofMinutes(10));
  private static final Instant MAY_1_0900_JST =
      OffsetDateTime.parse("2026-05-01T09:00:00+09:00").toInstant();
  private static final String SLACK = "/services/T000/B000/XXXX";
  private static final String TWILIO = "/2010-04-01/Accounts/AC123/Messages.json";
  private static final List<Customer> CUSTOMERS =
      List.of(
          new Customer("cus_A", Money.of("1980", "JPY")),
          new Customer("cus_B", Money.of("9800", "JPY")),
          new Customer("cus_C", Money.of("4980", "JPY")));

  private final Firestore db;
  private final String namespace = "whole-" + UUID.randomUUID();
  private final SettableClock clock = SettableClock.at(T0);
  private final FakeGraphApi api = FakeGraphApi.start(clock).addAccount(ACCOUNT, "IGQ-token");
  private final List<Host> hosts = new ArrayList<>();
  private final List<Boolean> publishedWhilePaused = new CopyOnWriteArrayList<>();

  WholeServiceTest(FirestoreEmulator emulator) {
    db = FirestoreConnections.emulator(emulator.hostAndPort(), emulator.projectId());
  }

  @AfterEach
  void stop() throws Exception {
    for (Host host : hosts) {
      host.omniy.shutdown(Duration.ZERO);
    }
    api.close();
    db.close();
  }

  /** One process of the host: its own registry, Firestore handles and the service's one builder. */
  private final class Host {
    final SimpleMeterRegistry registry = new SimpleMeterRegistry(); // the host's
    final FirestoreStores stores =
        FirestoreStores.of(new FirestoreStoreOptions(db, namespace, registry));
    final CreditDesk desk;
    final Omniy omniy;

    Host() {
      HttpClient client = HttpClient.newHttpClient();
      URI base = URI.create(http.baseUrl());
      InMemoryAccessTokens tokens = new InMemoryAccessTokens();
      tokens.put(ACCOUNT, new AccessToken("IGQ-token", Instant.parse("2026-12-01T00:00:00Z")));
      ServiceCredits stripe =
          ServiceCredits.builder(
                  new StripeSettings(
                      "sk_test_whole_service",
                      "whsec_whole_service",
                      StripeSettings.DEFAULT_SIGNATURE_TOLERANCE,
                      base))
              .appliedCredits(stores.appliedCredits())
              .clock(clock)
              .maxNetworkRetries(0)
              .build();
      desk =
          CreditDesk.builder(stores.downtime(), month -> CUSTOMERS)
              .offers(stores.creditOffers())
              .applier(stripe)
              .clock(clock)
              .build();
      omniy =
          Omniy.builder()
              .meterRegistry(registry)
              .clock(clock)
              .stores(stores)
              .publisher(
                  InstagramPublisher.builder(
                          GraphApiConfig.builder(GraphApiConfig.Flavour.INSTAGRAM_LOGIN)
                              .baseUri(api.baseUri())
                              .build(),
                          tokens)
                      .meterRegistry(registry)
                      .build())
              .notifier(
                  Channel.SLACK,
                  new SlackNotifier(
                      client, base.resolve(SLACK), URI.create("https://status.example.jp")))
              .notifier(
                  Channel.SMS,
                  new TwilioSmsNotifier(
                      client, base, "AC123", "secret", "+15005550006", List.of("+819012345678")))
              .notifier(
                  Channel.EMAIL,
                  EmailNotifier.smtp(
                      "127.0.0.1",
                      mail.getSmtp().getPort(),
                      null,
                      null,
                      false,
                      "omniy@example.jp",
                      List.of("oncall@example.jp"),
                      URI.create("https://status.example.jp")))
              .credits(desk)
              // The test ticks the engine minute by minute of the SettableClock; an hour of wall
              // time keeps the engine's own thread from adding a cycle on a slow machine.
              .alertEvery(Duration.ofHours(1))
              .start();
      hosts.add(this);
      omniy.alerts().orElseThrow().tick(); // the first cycle only primes the meters
    }

    /** A minute of the host's own requests, timed the way Spring's {@code http.server.requests}. */
    void serve(boolean down) {
      Timer timer =
          registry.timer(
              MetricNames.HTTP_SERVER_REQUESTS,
              "exception",
              "none",
              "method",
              "GET",
              "outcome",
              down ? "SERVER_ERROR" : "SUCCESS",
              "status",
              down ? "503" : "200",
              "uri",
              "/api/posts");
      for (int i = 0; i < 12; i++) {
        timer.record(Duration.ofMillis(down ? 3 : 40));
      }
    }

    /** Minute by minute up to {@code end}: the last minute's requests, then the engine's cycle. */
    void runUntil(Instant end) {
      while (clock.instant().isBefore(end)) {
        Instant minute = clock.instant();
        serve(!minute.isBefore(OUTAGE_START) && minute.isBefore(OUTAGE_END));
        clock.advance(Duration.ofMinutes(1));
        omniy.alerts().orElseThrow().tick();
      }
    }

    /** Dies: no graceful handling of the open incident, nothing of it is used again. */
    void kill() {
      omniy.shutdown(Duration.ZERO);
      hosts.remove(this);
    }
  }

  private void stubTheWorld() {
    http.stubFor(post(SLACK).willReturn(aResponse().withStatus(200).withBody("ok")));
    http.stubFor(post(TWILIO).willReturn(aResponse().withStatus(201).withBody("{}")));
    for (Customer customer : CUSTOMERS) {
      String path = creditPath(customer.id());
      http.stubFor(
          get(urlPathEqualTo(path))
              .willReturn(
                  okJson(
                      """
                      {"object": "list", "data": [], "has_more": false, "url": "%s"}"""
                          .formatted(path))));
      long minor = customer.monthlyFee().amount().longValueExact() / 10;
      http.stubFor(
          post(urlPathEqualTo(path))
              .willReturn(
                  okJson(
                      """
                      {
                        "id": "cbtxn_%1$s_apr",
                        "object": "customer_balance_transaction",
                        "amount": -%2$d,
                        "checkout_session": null,
                        "created": 1779264000,
                        "credit_note": null,
                        "currency": "jpy",
                        "customer": "%1$s",
                        "description": "SLA credit",
                        "ending_balance": -%2$d,
                        "invoice": null,
                        "livemode": false,
                        "metadata": {
                          "omniy_credit_percent": "10",
                          "omniy_kind": "sla_credit",
                          "omniy_sla_month": "2026-04"
                        },
                        "type": "adjustment"
                      }"""
                          .formatted(customer.id(), minor))));
    }
  }

  private static String subject(MimeMessage message) {
    try {
      return String.valueOf(message.getSubject());
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String creditPath(String customer) {
    return "/v1/customers/" + customer + "/balance_transactions";
  }

  private static int creditPosts(String customer) {
    return http.findAll(postRequestedFor(urlPathEqualTo(creditPath(customer)))).size();
  }

  @Test
  void a_120_minute_outage_runs_itself_from_the_first_5xx_to_one_credit_in_stripe() {
    stubTheWorld();
    Host host = new Host();
    schedulePostDuringTheOutage(host);

    host.runUntil(OUTAGE_END);
    checkPausedAtTheEndOfTheOutage(host);
    host.runUntil(OUTAGE_END.plus(Duration.ofMinutes(15)));

    checkTheFigures(host);
  }

  @Test
  void a_runtime_killed_50_minutes_into_the_outage_and_replaced_changes_no_figure() {
    stubTheWorld();
    Host first = new Host();
    schedulePostDuringTheOutage(first);
    first.runUntil(OUTAGE_START.plus(Duration.ofMinutes(50)));
    assertThat(first.stores.incidents().unresolved())
        .as("the incident is open when the runtime dies")
        .singleElement()
        .satisfies(i -> assertThat(i.severity()).isEqualTo(IncidentSeverity.SEV1));
    first.kill();

    Host second = new Host(); // a new process on the same Firestore stores
    second.runUntil(OUTAGE_END);
    checkPausedAtTheEndOfTheOutage(second);
    second.runUntil(OUTAGE_END.plus(Duration.ofMinutes(15)));

    checkTheFigures(second);
  }

  /** A post due 100 minutes into the outage, while publishing is paused. */
  private void schedulePostDuringTheOutage(Host host) {
    host.stores
        .posts()
        .insert(
            SamplePosts.image("p-outage", ACCOUNT, OUTAGE_START.plus(Duration.ofMinutes(100))),
            clock.instant());
  }

  private void checkPausedAtTheEndOfTheOutage(Host host) {
    try {
      Thread.sleep(500); // the dispatch loop polls every 10 ms: it had its chance
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    publishedWhilePaused.add(
        host.stores.posts().find("p-outage").orElseThrow().state() == PostState.PUBLISHED);
    assertThat(host.omniy.paused()).as("paused by ALERT-C1's incident (INC-4)").isPresent();
    assertThat(publishedWhilePaused).as("the post due during the outage waits").containsOnly(false);
  }

  private void checkTheFigures(Host host) {
    // The post waited for the pause to lift, then went out once.
    Await.until(
        "the post due during the outage goes out on recovery",
        () -> host.stores.posts().find("p-outage").orElseThrow().state() == PostState.PUBLISHED);
    assertThat(host.omniy.paused()).as("resumed on recovery").isEmpty();
    assertThat(api.totalPublishes()).isEqualTo(1);

    // One Sev1 incident, from the signal to the first good minute.
    List<Incident> incidents = host.stores.incidents().openDuring(T0, clock.instant());
    assertThat(incidents).hasSize(1);
    Incident incident = incidents.get(0);
    assertThat(incident.severity()).isEqualTo(IncidentSeverity.SEV1);
    assertThat(incident.at(Milestone.MITIGATED)).as("paused by the engine").isPresent();
    assertThat(incident.at(Milestone.RECOVERED)).isPresent();
    SlaMonth april = SlaMonth.of(APRIL);
    long downtime =
        host.stores
            .downtime()
            .ledger(april.range())
            .downtimeSeconds(SlaTarget.SYSTEM, april.range());
    assertThat(downtime)
        .as("the outage, not the alert's fire to resolve")
        .isBetween(7_140L, 7_260L);
    assertThat(downtime).as("to the second, on these whole minutes").isEqualTo(7_200);
    assertThat(incident.signalStart()).isEqualTo(OUTAGE_START);
    assertThat(incident.at(Milestone.RECOVERED)).contains(OUTAGE_END);
    assertThat(incident.updates())
        .filteredOn(u -> u.kind() == IncidentUpdate.Kind.ESCALATED)
        .as("the Sev1 escalation, once (INC-1)")
        .hasSize(1);

    // Notified on Slack and by SMS, both through WireMock.
    Await.until(
        "Slack heard ALERT-C1 fire and resolve",
        () ->
            http.findAll(
                        postRequestedFor(urlEqualTo(SLACK))
                            .withRequestBody(
                                matchingJsonPath(
                                    "$.attachments[0].title", containing("RESOLVED] ALERT-C1"))))
                    .size()
                == 1);
    http.verify(
        1,
        postRequestedFor(urlEqualTo(SLACK))
            .withRequestBody(
                matchingJsonPath("$.attachments[0].title", containing("FIRED] ALERT-C1"))));
    assertThat(http.findAll(postRequestedFor(urlEqualTo(TWILIO)))).isNotEmpty();
    Await.until(
        "the on-call mailbox heard ALERT-C1 resolve",
        () ->
            Arrays.stream(mail.getReceivedMessages())
                .anyMatch(m -> subject(m).contains("RESOLVED] ALERT-C1")));

    // The month-end job on the 1st, 09:00 JST, offers every customer 10 %.
    clock.set(MAY_1_0900_JST);
    host.omniy.maintenance().orElseThrow().tick();
    JobRun run =
        Await.until(
                "the monthly job ran",
                Await.DEFAULT_TIMEOUT,
                () -> host.omniy.maintenance().orElseThrow().history(JobIds.MONTHLY_REPORT, 1),
                history -> !history.isEmpty() && history.get(0).outcome() != JobOutcome.RUNNING)
            .get(0);
    assertThat(run.outcome()).isEqualTo(JobOutcome.SUCCEEDED);
    assertThat(run.output()).contains("10% credit offered to 3 of 3 customers");
    assertThat(host.stores.creditOffers().findByMonth(APRIL))
        .hasSize(3)
        .allSatisfy(offer -> assertThat(offer.creditPercent()).isEqualTo(10))
        .extracting(CreditOffer::amount)
        .containsExactlyInAnyOrder(
            Money.of("198", "JPY"), Money.of("980", "JPY"), Money.of("498", "JPY"));

    // A claim made twice applies one credit in Stripe.
    clock.set(OffsetDateTime.parse("2026-05-20T10:00:00+09:00").toInstant());
    ClaimResult first = host.desk.claim("cus_A", APRIL, LocalDate.of(2026, 5, 20));
    ClaimResult again = host.desk.claim("cus_A", APRIL, LocalDate.of(2026, 5, 21));
    assertThat(first.outcome()).isEqualTo(ClaimOutcome.APPLIED);
    assertThat(first.credited()).isEqualTo(Money.of("198", "JPY"));
    assertThat(first.reference()).isEqualTo("cbtxn_cus_A_apr");
    assertThat(again.outcome()).isEqualTo(ClaimOutcome.ALREADY_APPLIED);
    http.verify(
        1,
        postRequestedFor(urlPathEqualTo(creditPath("cus_A")))
            .withHeader("Idempotency-Key", equalTo("omniy-sla-credit:cus_A:2026-04"))
            .withFormParam("amount", equalTo("-198")));
    assertThat(creditPosts("cus_A")).isEqualTo(1);

    // A claim after the deadline (the end of May) applies none.
    clock.set(OffsetDateTime.parse("2026-06-01T10:00:00+09:00").toInstant());
    ClaimResult late = host.desk.claim("cus_B", APRIL, LocalDate.of(2026, 6, 1));
    assertThat(late.outcome()).isEqualTo(ClaimOutcome.PAST_DEADLINE);
    assertThat(late.creditedAmount()).isEmpty();
    assertThat(creditPosts("cus_B")).isZero();
  }
}
