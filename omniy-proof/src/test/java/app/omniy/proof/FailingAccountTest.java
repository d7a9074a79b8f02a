package app.omniy.proof;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.dispatch.DispatchSettings;
import app.omniy.core.dispatch.spi.DispatchListener;
import app.omniy.core.memory.InMemoryPostStore;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.PostState;
import app.omniy.instagram.GraphApiConfig;
import app.omniy.instagram.InMemoryAccessTokens;
import app.omniy.instagram.InstagramPublisher;
import app.omniy.instagram.spi.AccessToken;
import app.omniy.runtime.Omniy;
import app.omniy.testkit.SamplePosts;
import app.omniy.testkit.graph.FakeGraphApi;
import app.omniy.testkit.graph.GraphFault;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * POST-10 in the threaded runtime, in real time: one account whose every Graph API call stalls past
 * the adapter's timeout must not delay the other accounts' posts. Measured as the lateness of the
 * others' first attempts (start minus publish time), against a baseline run in the same test where
 * that account answers normally.
 */
class FailingAccountTest {
  private static final int HEALTHY_ACCOUNTS = 20;
  private static final int POSTS_PER_ACCOUNT = 10;
  private static final Duration SPAN = Duration.ofSeconds(10);
  // Long enough that healthy calls do not time out when the machine is busy, so the only calls
  // that stall are the failing account's; a worker stuck behind one would add seconds.
  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static final String BAD = "17841499999999999";

  @Test
  void an_account_whose_every_call_stalls_does_not_delay_the_other_accounts() throws Exception {
    Lateness baseline = run(false);
    Lateness failing = run(true);
    System.out.printf(
        "POST-10: lateness of %d healthy posts, baseline p50 %d ms p99 %d ms max %d ms;"
            + " with account %s stalling every call: p50 %d ms p99 %d ms max %d ms;"
            + " healthy published %d of %d; failing account's posts published %d%n",
        failing.healthyMillis.size(),
        baseline.percentile(50),
        baseline.percentile(99),
        baseline.percentile(100),
        BAD,
        failing.percentile(50),
        failing.percentile(99),
        failing.percentile(100),
        failing.healthyPublished,
        HEALTHY_ACCOUNTS * POSTS_PER_ACCOUNT,
        failing.badPublished);

    assertThat(failing.healthyPublished).isEqualTo(HEALTHY_ACCOUNTS * POSTS_PER_ACCOUNT);
    assertThat(failing.badPublished).as("the stalling account publishes nothing").isZero();
    // Generous on a shared machine: within the baseline's p99 plus half an adapter timeout. A
    // healthy post that waited behind a stalled call would be at least a whole timeout late.
    assertThat(failing.percentile(99))
        .as("healthy p99 lateness (ms)")
        .isLessThanOrEqualTo(baseline.percentile(99) + TIMEOUT.toMillis() / 2);
  }

  /** Lateness of the healthy accounts' first attempts, in milliseconds. */
  private static final class Lateness {
    final List<Long> healthyMillis = Collections.synchronizedList(new ArrayList<>());
    long healthyPublished;
    long badPublished;

    long percentile(int p) {
      List<Long> sorted = new ArrayList<>(healthyMillis);
      Collections.sort(sorted);
      if (sorted.isEmpty()) {
        return -1;
      }
      int rank = (int) Math.ceil(p / 100.0 * sorted.size());
      return sorted.get(Math.max(0, rank - 1));
    }
  }

  private static Lateness run(boolean badAccountStalls) throws Exception {
    Lateness lateness = new Lateness();
    InMemoryPostStore store = new InMemoryPostStore();
    InMemoryAccessTokens tokens = new InMemoryAccessTokens();
    try (FakeGraphApi api = FakeGraphApi.start().stallFor(TIMEOUT.multipliedBy(3))) {
      List<String> accounts = new ArrayList<>();
      for (int a = 0; a < HEALTHY_ACCOUNTS; a++) {
        accounts.add(Long.toString(17_841_400_000_000_000L + a));
      }
      accounts.add(BAD);
      Instant expires = Instant.now().plus(Duration.ofDays(50));
      for (String account : accounts) {
        api.addAccount(account, "token-" + account);
        tokens.put(account, new AccessToken("token-" + account, expires));
      }
      if (badAccountStalls) {
        api.failAccount(BAD, GraphFault.STALL);
      }
      Instant first = Instant.now().plus(Duration.ofSeconds(1));
      int total = accounts.size() * POSTS_PER_ACCOUNT;
      for (int n = 0; n < total; n++) {
        String account = accounts.get(n % accounts.size());
        Instant due = first.plus(SPAN.multipliedBy(n).dividedBy(total));
        store.insert(SamplePosts.image("p" + n, account, due), Instant.now());
      }
      GraphApiConfig config =
          GraphApiConfig.builder(GraphApiConfig.Flavour.INSTAGRAM_LOGIN)
              .baseUri(api.baseUri())
              .requestTimeout(TIMEOUT)
              .build();
      DispatchListener listener =
          new DispatchListener() {
            @Override
            public void attemptStarted(PostRecord post, Duration late) {
              if (post.attempt() == 1 && !post.accountId().equals(BAD)) {
                lateness.healthyMillis.add(late.toMillis());
              }
            }
          };
      Omniy omniy =
          Omniy.builder()
              .store(store)
              .publisher(
                  InstagramPublisher.builder(config, tokens)
                      .meterRegistry(new SimpleMeterRegistry())
                      .build())
              .settings(DispatchSettings.defaults("post-10"))
              .listener(listener)
              .threads(4)
              .start();
      try {
        // Not a timing assertion: an upper bound against hanging.
        Instant deadline = first.plus(SPAN).plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)
            && healthyPublished(store, accounts) < HEALTHY_ACCOUNTS * POSTS_PER_ACCOUNT) {
          Thread.sleep(100);
        }
      } finally {
        omniy.close();
      }
      lateness.healthyPublished = healthyPublished(store, accounts);
      lateness.badPublished = api.publishedMedia(BAD);
    }
    return lateness;
  }

  private static long healthyPublished(InMemoryPostStore store, List<String> accounts) {
    return accounts.stream()
        .filter(a -> !a.equals(BAD))
        .mapToLong(a -> store.findByAccount(a, java.util.EnumSet.of(PostState.PUBLISHED)).size())
        .sum();
  }
}
