package app.omniy.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.alert.AlertKey;
import app.omniy.core.alert.silence.Silence;
import app.omniy.core.alert.spi.SilenceStore;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SilenceStore} must do (ALERT-2): keep each silence by id, read it back equal,
 * list them by start, and expire one so that it no longer holds — on every runtime that shares the
 * store.
 *
 * <pre>{@code
 * class FirestoreSilenceStoreTest extends SilenceStoreContract {
 *   protected SilenceStore newStore() { return new FirestoreSilenceStore(emulator.db()); }
 * }
 * }</pre>
 */
public abstract class SilenceStoreContract {
  private static final Instant T0 = Instant.parse("2026-04-01T01:00:00Z");

  /** A new, empty store on the implementation's real backend. */
  protected abstract SilenceStore newStore();

  private static Silence silence(String id, Instant start, Map<String, String> match) {
    return new Silence(
        id, match, start, start.plusSeconds(7200), "owner", "planned database migration");
  }

  @Test
  void an_empty_store_has_no_silences() {
    SilenceStore store = newStore();

    assertThat(store.all()).isEmpty();
    assertThat(store.find("s1")).isEmpty();
    assertThat(store.remove("s1")).isFalse();
  }

  @Test
  void a_silence_reads_back_equal_with_its_matchers_times_author_and_comment() {
    SilenceStore store = newStore();
    Silence silence =
        new Silence(
            "s1",
            Map.of("id", "ALERT-I2", "account", "17841400000000001"),
            Instant.parse("2026-04-01T01:00:00.123Z"),
            Instant.parse("2026-04-01T03:00:00Z"),
            "yuki",
            "メンテナンス: planned database migration");

    store.put(silence);

    assertThat(store.find("s1")).contains(silence);
    assertThat(store.all()).containsExactly(silence);
  }

  @Test
  void a_silence_with_no_matchers_reads_back_matching_every_alert() {
    SilenceStore store = newStore();
    store.put(silence("maintenance-1", T0, Map.of()));

    Silence read = store.find("maintenance-1").orElseThrow();

    assertThat(read.match()).isEmpty();
    assertThat(read.silences(new AlertKey("ALERT-C1", Map.of()), T0)).isTrue();
  }

  @Test
  void putting_a_silence_with_the_same_id_replaces_it() {
    SilenceStore store = newStore();
    store.put(silence("s1", T0, Map.of("id", "ALERT-C1")));
    Silence replacement = silence("s1", T0.plusSeconds(60), Map.of("id", "ALERT-C4"));

    store.put(replacement);

    assertThat(store.all()).containsExactly(replacement);
  }

  @Test
  void all_lists_by_start_then_id() {
    SilenceStore store = newStore();
    Silence late = silence("a", T0.plusSeconds(3600), Map.of("id", "ALERT-C1"));
    Silence earlyB = silence("b", T0, Map.of("id", "ALERT-C1"));
    Silence earlyC = silence("c", T0, Map.of("id", "ALERT-C1"));
    store.put(late);
    store.put(earlyC);
    store.put(earlyB);

    assertThat(store.all()).containsExactly(earlyB, earlyC, late);
    assertThat(store.activeAt(T0.plusSeconds(60))).containsExactly(earlyB, earlyC);
  }

  @Test
  void an_expired_silence_no_longer_holds_and_stays_listed() {
    SilenceStore store = newStore();
    store.put(silence("s1", T0, Map.of("id", "ALERT-C1")));

    assertThat(store.expire("s1", T0.plusSeconds(600))).isPresent();

    Silence expired = store.find("s1").orElseThrow();
    assertThat(expired.end()).isEqualTo(T0.plusSeconds(600));
    assertThat(store.activeAt(T0.plusSeconds(600))).isEmpty();
    assertThat(store.expire("missing", T0)).isEmpty();
  }

  @Test
  void a_removed_silence_is_gone() {
    SilenceStore store = newStore();
    store.put(silence("s1", T0, Map.of("id", "ALERT-C1")));

    assertThat(store.remove("s1")).isTrue();

    assertThat(store.all()).isEmpty();
  }
}
