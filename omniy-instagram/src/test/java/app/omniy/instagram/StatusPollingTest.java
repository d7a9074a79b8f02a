package app.omniy.instagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.post.spi.StatusPollAdvice;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StatusPollingTest {
  private final StatusPolling polling = StatusPolling.DEFAULT;

  @Test
  void backs_off_exponentially_up_to_the_maximum() {
    assertThat(polling.nextPoll(1, Duration.ZERO)).contains(Duration.ofSeconds(5));
    assertThat(polling.nextPoll(2, Duration.ofSeconds(5))).contains(Duration.ofSeconds(10));
    assertThat(polling.nextPoll(4, Duration.ofSeconds(35))).contains(Duration.ofSeconds(40));
    assertThat(polling.nextPoll(5, Duration.ofSeconds(75))).contains(Duration.ofSeconds(60));
    assertThat(polling.nextPoll(50, Duration.ofSeconds(100))).contains(Duration.ofSeconds(60));
  }

  @Test
  void never_waits_past_the_give_up_point_and_gives_up_exactly_there() {
    assertThat(polling.nextPoll(9, Duration.ofMinutes(10).minusSeconds(20)))
        .contains(Duration.ofSeconds(20));
    assertThat(polling.nextPoll(10, Duration.ofMinutes(10))).isEmpty();
  }

  @Test
  void bad_settings_name_the_field() {
    assertThatThrownBy(
            () ->
                new StatusPolling(
                    Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofMinutes(1)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("max");
    assertThatThrownBy(() -> polling.nextPoll(0, Duration.ZERO))
        .hasMessageStartingWith("pollsSoFar");
  }

  @Test
  void the_publisher_advises_the_dispatcher_on_its_cadence_and_gives_up_at_its_limit() {
    var publisher =
        InstagramPublisher.builder(
                GraphApiConfig.builder(GraphApiConfig.Flavour.INSTAGRAM_LOGIN).build(),
                new InMemoryAccessTokens())
            .meterRegistry(new SimpleMeterRegistry())
            .statusPolling(
                new StatusPolling(
                    Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofMinutes(5)))
            .build();

    assertThat(publisher.statusPolling(1, Duration.ZERO))
        .contains(StatusPollAdvice.after(Duration.ofSeconds(10)));
    assertThat(publisher.statusPolling(3, Duration.ofSeconds(30)))
        .contains(StatusPollAdvice.after(Duration.ofSeconds(40)));
    assertThat(publisher.statusPolling(8, Duration.ofMinutes(5)))
        .contains(StatusPollAdvice.giveUp());
  }
}
