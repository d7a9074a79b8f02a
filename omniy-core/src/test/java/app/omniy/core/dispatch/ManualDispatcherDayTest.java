package app.omniy.core.dispatch;

import static app.omniy.core.dispatch.DispatchFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.memory.InMemoryPostStore;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.PostState;
import app.omniy.core.post.Reasons;
import app.omniy.core.post.Transition;
import app.omniy.core.post.spi.OutcomeClass;
import app.omniy.core.post.spi.PublisherResult;
import app.omniy.core.quota.QuotaPolicy;
import app.omniy.core.retry.RetryPolicy;
import app.omniy.testkit.ManualDispatcher;
import app.omniy.testkit.ScriptedPublisher;
import app.omniy.testkit.ScriptedPublisher.Operation;
import app.omniy.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A simulated day, the dispatcher's end-to-end acceptance scenario: three accounts, publisher
 * faults, a worker that crashes at noon holding claims, and a fresh dispatcher taking over on the
 * same store.
 */
class ManualDispatcherDayTest {
  private static final Instant T0 = Instant.parse("2026-04-01T00:00:00Z");
  private static final Duration STEP = Duration.ofSeconds(1);
  private static final Duration LEASE = Duration.ofSeconds(60);
  private static final Set<PostState> ALL = EnumSet.allOf(PostState.class);

  private final InMemoryPostStore store = new InMemoryPostStore();
  private final ScriptedPublisher instagram = new ScriptedPublisher();
  private final SettableClock clock = SettableClock.at(T0);
  private final DispatchFixtures.FailingAccounts publisher =
      new DispatchFixtures.FailingAccounts(instagram, Set.of("broken"), OutcomeClass.TRANSIENT);
  private final RetryPolicy retry = RetryPolicy.DEFAULTS;
  private final DispatchSettings settings =
      DispatchSettings.defaults("worker-1")
          .withRetryPolicy(retry)
          .withQuotaPolicy(QuotaPolicy.DEFAULTS)
          .withLeaseDuration(LEASE);

  @BeforeEach
  void schedule_a_day_of_posts() {
    for (int i = 0; i < 48; i++) { // within the 50-a-day quota
      store.insert(post("steady-" + i, "steady", T0.plus(Duration.ofMinutes(10 + 30L * i))), T0);
    }
    for (int i = 0; i < 60; i++) { // 10 more than the quota allows in 24 h (POST-3)
      store.insert(post("busy-" + i, "busy", T0.plus(Duration.ofMinutes(5 + 20L * i))), T0);
    }
    for (int i = 0; i < 12; i++) { // an account whose every attempt fails, at steady's times
      store.insert(post("broken-" + i, "broken", T0.plus(Duration.ofMinutes(10 + 120L * i))), T0);
    }
    instagram
        .script(
            Operation.PUBLISH,
            PublisherResult.failure(OutcomeClass.TRANSIENT, "2207001", "server error"))
        .script(
            Operation.PUBLISH,
            PublisherResult.failure(OutcomeClass.RATE_LIMITED, "4", "application request limit"))
        .loseNextPublishResponse();
  }

  @Test
  void a_day_with_faults_and_a_crash_ends_with_every_post_final_and_none_published_twice() {
    var morning = ManualDispatcher.builder(store, publisher, clock).settings(settings).build();
    morning.tick(Duration.ofHours(12).plusMinutes(5).minusSeconds(1));
    clock.advance(STEP);
    // worker-1 crashes at 12:05 holding the busy account's due post, claimed and never processed.
    List<PostRecord> abandoned = morning.dispatcher().claim(clock.instant(), 10);
    assertThat(abandoned).extracting(PostRecord::id).containsExactly("busy-36");

    var afternoon =
        ManualDispatcher.builder(store, publisher, clock)
            .settings(settings.withOwner("worker-2"))
            .seed(9)
            .build();
    afternoon.tick(Duration.ofHours(14));

    List<PostRecord> posts = new ArrayList<>();
    for (String account : List.of("steady", "busy", "broken")) {
      posts.addAll(store.findByAccount(account, ALL));
    }
    assertThat(posts).hasSize(120).allSatisfy(r -> assertThat(r.state().isFinal()).isTrue());
    assertThat(posts).allSatisfy(r -> assertThat(r.lease()).isNull());

    // Exactly once (POST-7): one media per PUBLISHED post, from that post's own container.
    List<PostRecord> published =
        posts.stream().filter(r -> r.state() == PostState.PUBLISHED).toList();
    assertThat(instagram.published()).hasSize(published.size());
    Set<String> containers = new HashSet<>();
    instagram.published().forEach(m -> assertThat(containers.add(m.containerId())).isTrue());
    assertThat(published).allSatisfy(r -> assertThat(containers).contains(r.containerId()));
    assertThat(published)
        .as("the lost publish response was reconciled, not published again")
        .filteredOn(
            r -> r.lastTransition().orElseThrow().reasonCode().equals("RECONCILED_PUBLISHED"))
        .hasSize(1);
    assertThat(posts)
        .as("the scripted transient and rate-limit failures were retried")
        .flatMap(PostRecord::history)
        .filteredOn(t -> t.to() == PostState.RETRY_WAIT)
        .extracting(Transition::reasonCode)
        .contains("TRANSIENT", "RATE_LIMITED");

    // Quota (POST-3): the busy account published 50 and the rest missed their window.
    assertThat(published).filteredOn(r -> r.accountId().equals("busy")).hasSize(50);
    List<PostRecord> busyFailed =
        posts.stream()
            .filter(r -> r.accountId().equals("busy") && r.state() == PostState.FAILED)
            .toList();
    assertThat(busyFailed)
        .hasSize(10)
        .allSatisfy(
            r ->
                assertThat(r.lastTransition().orElseThrow().reason())
                    .startsWith(Reasons.MISSED_WINDOW)
                    .contains("posts published"));
    assertThat(published).filteredOn(r -> r.accountId().equals("steady")).hasSize(48);

    // The broken account exhausted its retries, spaced within the policy's backoff ceilings.
    List<PostRecord> broken = posts.stream().filter(r -> r.accountId().equals("broken")).toList();
    assertThat(broken)
        .allSatisfy(
            r -> {
              assertThat(r.state()).isEqualTo(PostState.FAILED);
              assertThat(r.lastTransition().orElseThrow().reasonCode())
                  .isEqualTo(Reasons.RETRIES_EXHAUSTED);
              assertThat(r.attempt()).isEqualTo(retry.maxAttempts());
            });
    assertThat(posts).allSatisfy(this::retriesAreSpacedAsThePolicySays);

    // Isolation (POST-10): the broken account never delayed the steady one due at the same times.
    assertThat(posts)
        .filteredOn(r -> r.accountId().equals("steady"))
        .allSatisfy(
            r ->
                assertThat(firstAttempt(r))
                    .isBetween(r.post().publishAt(), r.post().publishAt().plus(STEP)));
    // The abandoned claim was taken over once its lease expired.
    PostRecord taken = byId(posts, "busy-36");
    assertThat(taken.state()).isEqualTo(PostState.PUBLISHED);
    assertThat(firstAttempt(taken)).isBefore(taken.post().publishAt().plus(LEASE).plus(STEP));
  }

  private void retriesAreSpacedAsThePolicySays(PostRecord r) {
    List<Transition> h = r.history();
    for (int i = 0; i + 1 < h.size(); i++) {
      Transition wait = h.get(i);
      Transition next = h.get(i + 1);
      if (wait.to() == PostState.RETRY_WAIT && next.to() == PostState.PUBLISHING) {
        Duration gap = Duration.between(wait.at(), next.at());
        Duration ceiling = retry.ceiling(wait.attempt());
        assertThat(gap)
            .as(r.id() + " after attempt " + wait.attempt())
            .isLessThanOrEqualTo(ceiling.plus(STEP));
      }
    }
  }

  private static Instant firstAttempt(PostRecord r) {
    return r.history().stream()
        .filter(t -> t.to() == PostState.PUBLISHING)
        .findFirst()
        .orElseThrow()
        .at();
  }

  private static PostRecord byId(List<PostRecord> posts, String id) {
    return posts.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
  }
}
