package app.omniy.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.dispatch.DispatchSettings;
import app.omniy.core.dispatch.Dispatcher;
import app.omniy.core.dispatch.spi.ControlStore;
import app.omniy.core.dispatch.spi.DispatchListener;
import app.omniy.core.memory.InMemoryControlStore;
import app.omniy.core.memory.InMemoryPostStore;
import app.omniy.testkit.ScriptedPublisher;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Two runtimes' dispatchers kept in step through one shared control store (INC-4, POST-11). */
class SharedControlsTest {
  private static final Instant T0 = Instant.parse("2026-04-15T05:00:00Z");
  private static final Duration REFRESH = Duration.ofSeconds(5);

  private final InMemoryPostStore posts = new InMemoryPostStore();
  private final ControlStore store = new InMemoryControlStore();
  private final Dispatcher a = dispatcher("a");
  private final Dispatcher b = dispatcher("b");
  private final SharedControls onA = new SharedControls(store, a, REFRESH);
  private final SharedControls onB = new SharedControls(store, b, REFRESH);

  private Dispatcher dispatcher(String owner) {
    return new Dispatcher(
        posts,
        new ScriptedPublisher(),
        DispatchSettings.defaults(owner),
        DispatchListener.NONE,
        new SplittableRandom(1));
  }

  @Test
  void a_pause_by_one_runtime_stops_the_other_at_its_next_refresh_and_a_resume_there_lifts_it() {
    onB.accept(T0);

    onA.pause("incident INC-1: ALERT-C1");
    onB.accept(T0.plusSeconds(4));
    assertThat(b.paused()).isEmpty(); // read less than the refresh interval ago

    onB.accept(T0.plus(REFRESH));
    assertThat(b.paused()).contains("incident INC-1: ALERT-C1");
    assertThat(b.claim(T0.plus(REFRESH), 10)).isEmpty();

    onB.resume();
    onA.accept(T0.plusSeconds(10));
    assertThat(a.paused()).isEmpty();
    assertThat(b.paused()).isEmpty();
  }

  @Test
  void an_account_one_runtime_found_needing_reauth_waits_on_the_other_until_reauthorised() {
    a.accountNeedsReauth("acct-1"); // as an attempt that met an expired token does (POST-11)
    onA.accept(T0);
    onB.accept(T0);
    assertThat(b.accountsNeedingReauth()).containsExactly("acct-1");

    onB.reauthorised("acct-1");
    onA.accept(T0.plus(REFRESH));

    assertThat(a.accountsNeedingReauth()).isEmpty();
    assertThat(store.read().accountsNeedingReauth()).isEmpty();
  }

  @Test
  void a_store_that_cannot_be_read_leaves_the_dispatcher_as_it_was() {
    ControlStore broken =
        new ControlStore() {
          @Override
          public Controls read() {
            throw new IllegalStateException("unavailable");
          }

          @Override
          public void pause(String reason) {}

          @Override
          public void resume() {}

          @Override
          public void markNeedsReauth(String accountId) {}

          @Override
          public void clearNeedsReauth(String accountId) {}
        };
    Dispatcher c = dispatcher("c");
    c.pause("by hand");

    new SharedControls(broken, c, REFRESH).accept(T0);

    assertThat(c.paused()).contains("by hand");
  }
}
