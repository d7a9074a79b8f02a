package app.omniy.core.quota;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.memory.InMemoryPostStore;
import app.omniy.core.post.Post;
import app.omniy.core.post.spi.ContainerStatus;
import app.omniy.core.post.spi.Publisher;
import app.omniy.core.post.spi.PublisherResult;
import app.omniy.core.post.spi.Reconciliation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The ledger prunes lazily, to keep the dispatch path's checks cheap, and still answers exactly as
 * POST-3's rolling window.
 */
class QuotaLedgerTest {
  private static final Instant T0 = Instant.parse("2026-04-01T00:00:00Z");
  private static final QuotaPolicy THREE_A_DAY = new QuotaPolicy(3, 400, Duration.ofHours(24));

  private final LiveLimits live = new LiveLimits();
  private final QuotaLedger ledger =
      new QuotaLedger(new InMemoryPostStore(), live, THREE_A_DAY, false);
  private int posts;

  /** A reservation for a new post of {@code account}: slots are kept by post id. */
  private QuotaDecision reserve(String account, Instant at) {
    return ledger.reserve("post-" + posts++, account, 1, at);
  }

  @Test
  void a_slot_frees_exactly_one_window_after_it_was_used_and_not_a_nanosecond_before() {
    reserve("a", T0);
    reserve("a", T0.plusSeconds(10));
    reserve("a", T0.plusSeconds(20));

    Instant dayLater = T0.plus(Duration.ofHours(24));
    assertThat(reserve("a", dayLater.minusNanos(1)).mayGoNow()).isFalse();
    assertThat(reserve("a", dayLater).mayGoNow()).isTrue();
    assertThat(reserve("a", dayLater.plusSeconds(5)).mayGoNow()).isFalse();
    assertThat(reserve("a", dayLater.plusSeconds(10)).mayGoNow()).isTrue();
  }

  @Test
  void an_entry_older_than_the_rest_still_leaves_the_window_on_time() {
    reserve("a", T0.plusSeconds(100));
    reserve("a", T0.plusSeconds(200));
    ledger.published("a", "found", T0); // found by reconciliation, older than both reservations

    Instant dayLater = T0.plus(Duration.ofHours(24));
    assertThat(reserve("a", dayLater.minusNanos(1)).mayGoNow()).isFalse();
    assertThat(reserve("a", dayLater).mayGoNow()).isTrue();
  }

  @Test
  void one_accounts_usage_never_limits_another() {
    for (int i = 0; i < 3; i++) {
      reserve("busy", T0);
    }

    assertThat(reserve("busy", T0).mayGoNow()).isFalse();
    assertThat(reserve("quiet", T0).mayGoNow()).isTrue();
  }

  @Test
  void the_accounts_live_limit_replaces_the_default_once_read() {
    live.limits.put("a", 5);

    for (int i = 0; i < 5; i++) {
      assertThat(reserve("a", T0.plusSeconds(i)).mayGoNow()).isTrue();
    }
    QuotaDecision sixth = reserve("a", T0.plusSeconds(5));

    assertThat(sixth.mayGoNow()).isFalse();
    assertThat(sixth.reason()).contains("5 of 5 posts published");
    assertThat(live.reads).containsExactly("a");
  }

  @Test
  void the_live_limit_is_read_again_only_after_an_hour_and_kept_when_a_read_fails() {
    live.limits.put("a", 1);
    reserve("a", T0);
    live.limits.remove("a"); // the API cannot answer now

    assertThat(reserve("a", T0.plus(Duration.ofMinutes(59))).mayGoNow()).isFalse();
    assertThat(live.reads).hasSize(1);
    assertThat(reserve("a", T0.plus(Duration.ofMinutes(60))).mayGoNow()).isFalse();
    assertThat(live.reads).hasSize(2);

    live.limits.put("a", 2);
    assertThat(reserve("a", T0.plus(Duration.ofMinutes(119))).mayGoNow()).isFalse();
    assertThat(reserve("a", T0.plus(Duration.ofMinutes(120))).mayGoNow()).isTrue();
    assertThat(live.reads).hasSize(3);
  }

  @Test
  void without_an_answer_or_with_a_throwing_publisher_the_default_applies() {
    live.throwFor = "broken";

    for (int i = 0; i < 3; i++) {
      assertThat(reserve("broken", T0).mayGoNow()).isTrue();
      assertThat(reserve("silent", T0).mayGoNow()).isTrue();
    }

    assertThat(reserve("broken", T0).reason()).contains("3 of 3");
    assertThat(reserve("silent", T0).reason()).contains("3 of 3");
  }

  /** Answers {@link Publisher#publishLimit} from a map and records each read; nothing else. */
  private static final class LiveLimits implements Publisher {
    final Map<String, Integer> limits = new HashMap<>();
    final List<String> reads = new ArrayList<>();
    String throwFor = "";

    @Override
    public OptionalInt publishLimit(String accountId, Instant now) {
      reads.add(accountId);
      if (accountId.equals(throwFor)) {
        throw new IllegalStateException("a publisher bug");
      }
      Integer limit = limits.get(accountId);
      return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
    }

    @Override
    public PublisherResult<String> createContainer(Post post, Instant now) {
      throw new AssertionError("the ledger only reads limits");
    }

    @Override
    public PublisherResult<ContainerStatus> status(String account, String container, Instant now) {
      throw new AssertionError("the ledger only reads limits");
    }

    @Override
    public PublisherResult<String> publish(String account, String container, Instant now) {
      throw new AssertionError("the ledger only reads limits");
    }

    @Override
    public PublisherResult<Reconciliation> reconcile(
        String account, String container, Instant now) {
      throw new AssertionError("the ledger only reads limits");
    }
  }
}
