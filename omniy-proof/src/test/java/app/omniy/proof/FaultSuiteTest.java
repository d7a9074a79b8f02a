package app.omniy.proof;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.alert.AlertEvent;
import app.omniy.core.memory.InMemoryPostStore;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.PostState;
import app.omniy.core.post.Reasons;
import app.omniy.core.post.Transition;
import app.omniy.core.sla.PostSuccessRate;
import app.omniy.instagram.GraphApiConfig;
import app.omniy.instagram.InMemoryAccessTokens;
import app.omniy.instagram.InstagramPublisher;
import app.omniy.instagram.spi.AccessToken;
import app.omniy.testkit.SamplePosts;
import app.omniy.testkit.SettableClock;
import app.omniy.testkit.graph.FakeGraphApi;
import app.omniy.testkit.graph.GraphFault;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The fault suite (POST-5, POST-7, POST-9, ALERT-6): thousands of posts through the real {@link
 * InstagramPublisher} over HTTP to the fake Graph API, which injects 5xx answers, 429s with a
 * stated wait, connection resets and stalls longer than the adapter's timeout. Time is simulated
 * (retries wait minutes), HTTP and the adapter's timeouts are real.
 *
 * <p>Every post is accounted for ({@link PostAccounting}): with faults on a tenth of attempts
 * (phase 1) and none (phase 3) each is published or excluded for a named user-side reason, none
 * lost, and a failure names every post that is neither, with its history. In the outage of phase 2
 * a post may use up its attempts, and then must have failed saying so.
 *
 * <p>Decision: "a 10% rate" is the share of publish <em>attempts</em> that meet a fault, the
 * quantity ALERT-C4 counts (ALERT-6) and the one the 40% phase names. An attempt makes two to four
 * calls (create, status, publish; a reconciliation after a publish without an answer), so the fake
 * faults each call with a smaller probability, and the suite prints and checks the share of
 * attempts that actually failed.
 *
 * <p>Size: {@code -Domniy.proof.faultPosts=N} (default 5,000).
 */
class FaultSuiteTest {
  private static final int POSTS = Integer.getInteger("omniy.proof.faultPosts", 5000);
  private static final double CALL_FAULTS_FOR_10 =
      Double.parseDouble(System.getProperty("omniy.proof.callFaultRate", "0.042"));
  private static final double CALL_FAULTS_FOR_40 = 0.18;
  // Long enough that a busy machine's slow answers are not taken for the injected stalls.
  private static final Duration TIMEOUT = Duration.ofMillis(500);
  private static final Instant START = Instant.parse("2026-04-01T00:00:00Z");
  private static final GraphFault[] KINDS = {
    GraphFault.SERVER_ERROR, GraphFault.RATE_LIMITED, GraphFault.CONNECTION_RESET, GraphFault.STALL
  };

  private final SettableClock clock = SettableClock.at(START);
  private final InMemoryPostStore store = new InMemoryPostStore();
  private final InMemoryAccessTokens tokens = new InMemoryAccessTokens();
  private final List<String> accounts = new ArrayList<>();

  @Test
  void
      faults_on_a_tenth_of_attempts_cost_no_post_no_duplicate_and_no_alert_then_forty_percent_fire_alert_c4_until_the_faults_stop()
          throws Exception {
    long started = System.nanoTime();
    try (FakeGraphApi api = FakeGraphApi.start(clock).stallFor(TIMEOUT.multipliedBy(3))) {
      InstagramPublisher publisher = publisher(api);
      warmUp(api, publisher);
      try (SimulatedDispatch dispatch = new SimulatedDispatch(store, publisher, clock, 8)) {
        run(api, dispatch, started);
      }
    }
  }

  /**
   * A cold JVM on a busy machine can take longer than the adapter's timeout for its first calls;
   * those are not the faults under test, so the HTTP path is exercised first, before any meter is
   * watched.
   */
  private void warmUp(FakeGraphApi api, InstagramPublisher publisher) {
    String account = "17841499999999998";
    api.addAccount(account, "token-" + account).publishQuota(account, 1000);
    tokens.put(account, new AccessToken("token-" + account, START.plus(Duration.ofDays(50))));
    for (int n = 0; n < 300; n++) {
      String container =
          publisher.createContainer(SamplePosts.image("warm-" + n, account, START), START).value();
      if (container != null) {
        publisher.status(account, container, START);
      }
    }
  }

  private void run(FakeGraphApi api, SimulatedDispatch dispatch, long started) throws Exception {
    {
      // Phase 1: POSTS due over 25 minutes, 20 per account, a tenth of attempts faulted.
      List<String> phase1 = schedule(api, "a", POSTS, 20, START, Duration.ofMinutes(25));
      api.randomFaults(CALL_FAULTS_FOR_10, 42L, KINDS);
      Instant t2 = START.plus(Duration.ofMinutes(25));
      dispatch.runUntil(t2, () -> false);
      long attempts1 = dispatch.attempts();
      long failed1 = dispatch.failedAttempts();
      Map<GraphFault, Integer> faults1 = api.faultsInjected();

      // Phase 2, right after (no quiet tail in between): 40% of attempts fail for 15 minutes.
      List<String> phase2 = schedule(api, "b", 1000, 10, t2, Duration.ofMinutes(15));
      api.randomFaults(CALL_FAULTS_FOR_40, 43L, KINDS);
      Instant t3 = t2.plus(Duration.ofMinutes(15));
      dispatch.runUntil(t3, () -> false);
      long attempts2 = dispatch.attempts() - attempts1;
      long failed2 = dispatch.failedAttempts() - failed1;

      // Phase 3: the faults stop; run until ALERT-C4 resolved and every post is final.
      api.clearFaults();
      List<String> phase3 = schedule(api, "c", 1000, 10, t3, Duration.ofMinutes(15));
      List<String> everything = new ArrayList<>(phase1);
      everything.addAll(phase2);
      everything.addAll(phase3);
      dispatch.runUntil(
          t3.plus(Duration.ofHours(2)),
          () ->
              clock.instant().isAfter(t3.plus(Duration.ofMinutes(15)))
                  && first(dispatch.events(), AlertEvent.Kind.RESOLVED, t3).isPresent()
                  && records(everything).stream().allMatch(r -> r.state().isFinal()));
      Optional<AlertEvent> fired = first(dispatch.events(), AlertEvent.Kind.FIRED, START);
      Optional<AlertEvent> resolved = first(dispatch.events(), AlertEvent.Kind.RESOLVED, START);
      PostSuccessRate rate1 = PostSuccessRate.of(records(phase1));

      List<PostRecord> all = new ArrayList<>(records(phase1));
      all.addAll(records(phase2));
      all.addAll(records(phase3));
      long published = all.stream().filter(r -> r.state() == PostState.PUBLISHED).count();
      System.out.printf(
          "fault suite, phase 1: %d posts over 25 min, faults injected %s, %d of %d attempts"
              + " failed (%.1f%%); success rate after retries %s%% (%s); alert events before"
              + " phase 2: %d%n",
          phase1.size(),
          faults1,
          failed1,
          attempts1,
          100.0 * failed1 / attempts1,
          rate1.percent(2).map(BigDecimal::toPlainString).orElse("-"),
          rate1.fraction(),
          fired.filter(e -> e.at().isBefore(t2)).isPresent() ? 1 : 0);
      System.out.printf(
          "fault suite, phase 2: %d of %d attempts failed (%.1f%%) in 15 min; ALERT-C4 fired %s"
              + " after the faults began, resolved %s after they stopped; phases 2-3: %d of %d"
              + " posts published; all phases: %d publishes by the fake's count, %d containers"
              + " published twice; %d s%n",
          failed2,
          attempts2,
          100.0 * failed2 / attempts2,
          fired.map(e -> Duration.between(t2, e.at())).orElse(null),
          resolved.map(e -> Duration.between(t3, e.at())).orElse(null),
          records(phase2).stream().filter(r -> r.state() == PostState.PUBLISHED).count()
              + records(phase3).stream().filter(r -> r.state() == PostState.PUBLISHED).count(),
          phase2.size() + phase3.size(),
          api.totalPublishes(),
          api.containersPublishedMoreThanOnce().size(),
          Duration.ofNanos(System.nanoTime() - started).toSeconds());

      PostAccounting accounted1 = PostAccounting.of(records(phase1));
      PostAccounting accounted2 = PostAccounting.of(records(phase2));
      PostAccounting accounted3 = PostAccounting.of(records(phase3));
      System.out.printf(
          "fault suite, every post: phase 1 %s; phase 2 %s; phase 3 %s%n",
          accounted1, accounted2, accounted3);

      // Faults on a tenth of attempts cost no post, nor do the retries of phase 1 that meet the
      // outage of phase 2; phase 3 has no faults.
      assertThat(accounted1.lost())
          .as(
              "posts of phase 1 neither published nor excluded for a user-side reason: %s",
              accounted1.describeLost())
          .isEmpty();
      assertThat(accounted3.lost())
          .as(
              "posts of phase 3 neither published nor excluded for a user-side reason: %s",
              accounted3.describeLost())
          .isEmpty();
      // Phase 2 is an outage (40 % of attempts fail for 15 minutes) to fire ALERT-C4: a post whose
      // every attempt meets it may use up its attempts (POST-5), and then fails saying so. Nothing
      // else may become of one: no post waiting, none failed for another reason.
      assertThat(accounted2.lost())
          .as(
              "posts of phase 2 lost otherwise than by exhausted retries: %s",
              accounted2.describeLost())
          .allSatisfy(
              r ->
                  assertThat(r.lastTransition().map(Transition::reasonCode))
                      .contains(Reasons.RETRIES_EXHAUSTED));
      assertThat(100.0 * failed1 / attempts1).as("share of failed attempts").isBetween(7.0, 13.0);
      assertThat(rate1.meets(new BigDecimal("99.5"))).as("success rate %s", rate1).isTrue();
      assertThat(100.0 * failed2 / attempts2).as("failed attempts in phase 2").isGreaterThan(30.0);
      assertThat(fired).as("ALERT-C4 fired").isPresent();
      System.out.println("fault suite: " + fired.get().summary() + " at " + fired.get().at());
      assertThat(fired.get().key().ruleId()).isEqualTo("ALERT-C4");
      assertThat(fired.get().at()).as("quiet in phase 1, fired in phase 2").isBetween(t2, t3);
      assertThat(resolved).as("ALERT-C4 resolved once the faults stopped").isPresent();
      assertThat(resolved.get().key().ruleId()).isEqualTo("ALERT-C4");
      assertThat(resolved.get().at()).isAfter(t3);
      assertThat(dispatch.events()).as("one firing, one resolution").hasSize(2);
      assertThat(api.containersPublishedMoreThanOnce()).as("duplicates").isEmpty();
      assertThat(api.totalPublishes()).as("publishes by the fake's count").isEqualTo(published);
      assertThat(all)
          .filteredOn(r -> r.state() == PostState.PUBLISHED)
          .allSatisfy(r -> assertThat(api.publishCount(r.containerId())).isEqualTo(1));
    }
  }

  private InstagramPublisher publisher(FakeGraphApi api) {
    // The breaker runs on real time while the posts run on simulated time, where one real second
    // open spans many simulated minutes of failed attempts. So it opens only on 15 failures in 20
    // calls, which the injected faults alone never reach, and pauses 1 s, not 30.
    GraphApiConfig config =
        GraphApiConfig.builder(GraphApiConfig.Flavour.INSTAGRAM_LOGIN)
            .baseUri(api.baseUri())
            .requestTimeout(TIMEOUT)
            .resilience(new GraphApiConfig.Resilience(2, 15, 20, Duration.ofSeconds(1)))
            .build();
    return InstagramPublisher.builder(config, tokens)
        .meterRegistry(new SimpleMeterRegistry())
        .build();
  }

  /** {@code count} posts on new accounts, {@code perAccount} each, due evenly over {@code span}. */
  private List<String> schedule(
      FakeGraphApi api, String prefix, int count, int perAccount, Instant from, Duration span) {
    int accountCount = (count + perAccount - 1) / perAccount;
    List<String> mine = new ArrayList<>();
    for (int a = 0; a < accountCount; a++) {
      String id = Long.toString(17_841_400_000_000_000L + accounts.size());
      accounts.add(id);
      mine.add(id);
      api.addAccount(id, "token-" + id);
      tokens.put(id, new AccessToken("token-" + id, START.plus(Duration.ofDays(50))));
    }
    List<String> ids = new ArrayList<>();
    Instant now = clock.instant();
    for (int n = 0; n < count; n++) {
      String id = prefix + "-" + n;
      Instant due = from.plus(span.multipliedBy(n).dividedBy(count));
      store.insert(SamplePosts.image(id, mine.get(n % mine.size()), due), now);
      ids.add(id);
    }
    return ids;
  }

  private List<PostRecord> records(List<String> ids) {
    return ids.stream().map(id -> store.find(id).orElseThrow()).toList();
  }

  private static Optional<AlertEvent> first(
      List<AlertEvent> events, AlertEvent.Kind kind, Instant from) {
    return events.stream().filter(e -> e.kind() == kind && !e.at().isBefore(from)).findFirst();
  }
}
