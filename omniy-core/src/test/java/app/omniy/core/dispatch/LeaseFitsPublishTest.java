package app.omniy.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.dispatch.spi.DispatchListener;
import app.omniy.core.memory.InMemoryPostStore;
import app.omniy.core.post.Post;
import app.omniy.core.post.spi.ContainerStatus;
import app.omniy.core.post.spi.Publisher;
import app.omniy.core.post.spi.PublisherResult;
import app.omniy.core.post.spi.Reconciliation;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The lease against the publisher's longest publish and the clock skew (POST-7, POST-8). */
class LeaseFitsPublishTest {
  /** A publisher that tells its longest publish, or not. */
  private record Declaring(Optional<Duration> longest) implements Publisher {
    @Override
    public Optional<Duration> maxPublishDuration() {
      return longest;
    }

    @Override
    public PublisherResult<String> createContainer(Post post, Instant now) {
      return PublisherResult.success("c");
    }

    @Override
    public PublisherResult<ContainerStatus> status(String a, String c, Instant now) {
      return PublisherResult.success(ContainerStatus.FINISHED);
    }

    @Override
    public PublisherResult<String> publish(String a, String c, Instant now) {
      return PublisherResult.success("m");
    }

    @Override
    public PublisherResult<Reconciliation> reconcile(String a, String c, Instant now) {
      return PublisherResult.success(Reconciliation.NOT_PUBLISHED);
    }
  }

  private static Publisher taking(int seconds) {
    return new Declaring(Optional.of(Duration.ofSeconds(seconds)));
  }

  @Test
  void the_default_settings_fit_a_30_second_publish_with_the_5_second_skew() {
    DispatchSettings defaults = DispatchSettings.defaults("w1");

    assertThat(defaults.leaseDuration()).isEqualTo(Duration.ofMinutes(2));
    assertThat(defaults.maxClockSkew()).isEqualTo(Duration.ofSeconds(5));
    assertThat(defaults.leaseNeededFor(taking(30))).contains(Duration.ofSeconds(65));
    assertThat(defaults.requireLeaseFits(taking(30))).isSameAs(defaults);
  }

  @Test
  void a_lease_shorter_than_two_publishes_and_the_skew_is_refused_naming_the_fields() {
    DispatchSettings sixty =
        DispatchSettings.defaults("w1").withLeaseDuration(Duration.ofSeconds(60));

    assertThatThrownBy(() -> sixty.requireLeaseFits(taking(30)))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> {
              assertThat(e.field()).isEqualTo("leaseDuration");
              assertThat(e.reason())
                  .contains("maxPublishDuration (PT30S)")
                  .contains("maxClockSkew (PT5S)")
                  .contains("PT1M5S");
            });
    assertThatThrownBy(
            () ->
                new Dispatcher(
                    new InMemoryPostStore(),
                    taking(30),
                    sixty,
                    DispatchListener.NONE,
                    new SplittableRandom(1)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("leaseDuration");
    assertThat(sixty.withMaxClockSkew(Duration.ZERO).requireLeaseFits(taking(30))).isNotNull();
  }

  @Test
  void a_publisher_that_does_not_tell_its_longest_publish_is_not_checked() {
    DispatchSettings tiny =
        DispatchSettings.defaults("w1").withLeaseDuration(Duration.ofMillis(100));
    Publisher unknown = new Declaring(Optional.empty());

    assertThat(tiny.leaseNeededFor(unknown)).isEmpty();
    assertThat(tiny.requireLeaseFits(unknown)).isSameAs(tiny);
  }

  @Test
  void the_lease_is_renewed_once_a_publish_worth_of_it_was_used() {
    DispatchSettings defaults = DispatchSettings.defaults("w1");

    // 2 min lease, 30 s publish: renewed once less than 90 s is left, so a publish starts with at
    // least 90 s, far more than the 30 s + 5 s it needs.
    assertThat(Attempt.renewBelowNanos(defaults, taking(30)))
        .isEqualTo(Duration.ofSeconds(90).toNanos());
    // At the shortest lease allowed, 65 s: renewed below 35 s, the publish plus the skew.
    assertThat(
            Attempt.renewBelowNanos(defaults.withLeaseDuration(Duration.ofSeconds(65)), taking(30)))
        .isEqualTo(Duration.ofSeconds(35).toNanos());
    // Unknown: half the lease plus the skew margin, the margin at most a quarter of the lease.
    assertThat(Attempt.renewBelowNanos(defaults, new Declaring(Optional.empty())))
        .isEqualTo(Duration.ofSeconds(65).toNanos());
    assertThat(
            Attempt.renewBelowNanos(
                defaults.withLeaseDuration(Duration.ofSeconds(4)), new Declaring(Optional.empty())))
        .isEqualTo(Duration.ofSeconds(3).toNanos());
  }

  @Test
  void a_negative_clock_skew_is_refused() {
    assertThatThrownBy(
            () -> DispatchSettings.defaults("w1").withMaxClockSkew(Duration.ofSeconds(-1)))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("maxClockSkew"));
  }
}
