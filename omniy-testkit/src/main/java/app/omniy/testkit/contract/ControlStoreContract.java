package app.omniy.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.dispatch.spi.ControlStore;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ControlStore} must do (INC-4, POST-11): a pause written through one handle
 * stops every runtime reading another handle on the same backend, until one of them resumes;
 * re-authorisation marks are a set that concurrent runtimes add to without losing each other's
 * marks. Each test starts on an empty backend of its own.
 */
public abstract class ControlStoreContract {

  /** The store under test. */
  protected ControlStore store;

  /** A fresh store on an empty backend for each test. */
  protected abstract ControlStore newStore();

  /**
   * Another handle on {@link #store}'s backend, as a second runtime would open it; the store itself
   * for an in-process store.
   */
  protected abstract ControlStore sameBackend(ControlStore store);

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  @Test
  void an_empty_store_has_no_pause_and_no_marks() {
    assertThat(store.read()).isEqualTo(ControlStore.Controls.NONE);
    assertThat(store.read().paused()).isEmpty();
  }

  @Test
  void a_pause_through_one_handle_is_read_through_another_until_resumed_there() {
    ControlStore other = sameBackend(store);

    store.pause("incident INC-20260415-1402: ALERT-C1 サービス停止");

    assertThat(other.read().paused()).contains("incident INC-20260415-1402: ALERT-C1 サービス停止");

    store.pause("maintenance");
    assertThat(other.read().pauseReason()).isEqualTo("maintenance");

    other.resume();
    other.resume();

    assertThat(store.read().paused()).isEmpty();
  }

  @Test
  void marks_are_a_set_shared_by_every_handle() {
    ControlStore other = sameBackend(store);

    store.markNeedsReauth("17841400000000001");
    store.markNeedsReauth("17841400000000001");
    other.markNeedsReauth("17841400000000002");
    other.clearNeedsReauth("17841400000000001");
    other.clearNeedsReauth("never-marked");

    assertThat(store.read().accountsNeedingReauth()).containsExactly("17841400000000002");
  }

  @Test
  void marks_written_at_once_by_many_runtimes_are_all_kept() throws Exception {
    List<String> accounts =
        IntStream.range(0, 8).mapToObj(i -> "178414000000000" + (10 + i)).toList();

    Concurrently.run(
        accounts.size(),
        index -> {
          sameBackend(store).markNeedsReauth(accounts.get(index));
          return null;
        });

    assertThat(store.read().accountsNeedingReauth()).isEqualTo(Set.copyOf(accounts));
  }

  @Test
  void a_blank_reason_or_account_is_refused_naming_it() {
    assertThatThrownBy(() -> store.pause(" "))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("reason");
    assertThatThrownBy(() -> store.markNeedsReauth(""))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("accountId");
    assertThat(store.read()).isEqualTo(ControlStore.Controls.NONE);
  }
}
