package app.omniy.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitTest {

  @Test
  void returns_as_soon_as_the_condition_holds() {
    AtomicInteger polls = new AtomicInteger();

    Await.until("the third poll", () -> polls.incrementAndGet() == 3);

    assertThat(polls).hasValue(3);
  }

  @Test
  void sees_what_another_thread_brings_about() {
    AtomicBoolean done = new AtomicBoolean();
    ScheduledExecutorService other = Executors.newSingleThreadScheduledExecutor();
    try {
      other.schedule(() -> done.set(true), 20, TimeUnit.MILLISECONDS);

      Await.until("the other thread is done", done::get);

      assertThat(done).isTrue();
    } finally {
      other.shutdownNow();
    }
  }

  @Test
  void fails_the_test_naming_what_it_waited_for_when_the_timeout_passes() {
    assertThatThrownBy(() -> Await.until("pigs fly", Duration.ofMillis(20), () -> false))
        .isInstanceOf(AssertionError.class)
        .hasMessage("timed out after PT0.02S waiting until pigs fly");
  }

  @Test
  void returns_the_accepted_value_and_shows_the_last_one_when_it_gives_up() {
    AtomicInteger counter = new AtomicInteger();

    assertThat(
            Await.until(
                "the counter reaches 2",
                Duration.ofSeconds(5),
                counter::incrementAndGet,
                n -> n >= 2))
        .isEqualTo(2);
    assertThatThrownBy(
            () -> Await.until("the counter is negative", Duration.ZERO, counter::get, n -> n < 0))
        .isInstanceOf(AssertionError.class)
        .hasMessage("timed out after PT0S waiting until the counter is negative (last seen: 2)");
  }

  @Test
  void an_interrupted_wait_fails_and_keeps_the_thread_interrupted() {
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> Await.until("never", () -> false))
          .isInstanceOf(AssertionError.class)
          .hasMessage("interrupted waiting until never");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void rejects_a_negative_timeout() {
    assertThatThrownBy(() -> Await.until("x", Duration.ofSeconds(-1), () -> true))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("timeout");
  }
}
