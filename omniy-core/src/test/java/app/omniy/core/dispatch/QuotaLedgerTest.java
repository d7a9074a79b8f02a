package app.omniy.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.post.InMemoryPostStore;
import app.omniy.core.post.QuotaDecision;
import app.omniy.core.post.QuotaPolicy;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The ledger prunes lazily (issue 8) and still answers exactly as POST-3's rolling window. */
class QuotaLedgerTest {
  private static final Instant T0 = Instant.parse("2026-04-01T00:00:00Z");
  private static final QuotaPolicy THREE_A_DAY = new QuotaPolicy(3, 400, Duration.ofHours(24));

  private final QuotaLedger ledger = new QuotaLedger(new InMemoryPostStore(), THREE_A_DAY, false);
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
}
