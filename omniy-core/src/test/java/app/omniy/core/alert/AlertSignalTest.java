package app.omniy.core.alert;

import static app.omniy.core.alert.Rig.minutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.metrics.MetricNames;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The signal of an alert (INC-2): from the first bad evaluation interval to the first good one, not
 * from the alert's firing to its resolve. Traffic is recorded as a registry bridge does: each
 * minute, the requests answered during the minute just ended.
 */
class AlertSignalTest {
  private static final Map<String, String> DOWN = Map.of("status", "503");
  private static final Map<String, String> UP = Map.of("status", "200");

  /** Minute by minute from 0 to {@code last}: 12 requests, all failing in [from, to). */
  private static Rig outage(long from, long to, long last) {
    Rig rig = new Rig(DefaultAlertRules.SERVICE_DOWN);
    for (long m = 1; m <= last; m++) {
      // The requests of minute (m-1, m] are recorded at m.
      boolean down = m - 1 >= from && m - 1 < to;
      rig.events(MetricNames.HTTP_SERVER_REQUESTS, down ? DOWN : UP, minutes(m), 12);
      rig.evaluate(minutes(m));
    }
    return rig;
  }

  private static AlertEvent only(Rig rig, AlertEvent.Kind kind) {
    List<AlertEvent> of = rig.events.stream().filter(e -> e.kind() == kind).toList();
    assertThat(of).hasSize(1);
    return of.get(0);
  }

  @Test
  void a_two_hour_outage_signals_two_hours_though_the_alert_resolves_minutes_later() {
    Rig rig = outage(60, 180, 200);

    AlertEvent fired = only(rig, AlertEvent.Kind.FIRED);
    AlertEvent resolved = only(rig, AlertEvent.Kind.RESOLVED);

    assertThat(fired.signal().start()).isEqualTo(minutes(60));
    assertThat(fired.signal().end()).isNull();
    assertThat(resolved.at()).isAfter(minutes(181));
    assertThat(resolved.signal()).isEqualTo(new AlertSignal(minutes(60), minutes(180)));
    assertThat(resolved.signal().duration()).contains(Duration.ofMinutes(120));
  }

  @Test
  void a_forty_one_minute_outage_signals_forty_one_minutes() {
    Rig rig = outage(100, 141, 160);

    assertThat(only(rig, AlertEvent.Kind.RESOLVED).signal().duration())
        .contains(Duration.ofMinutes(41));
  }

  @Test
  void a_good_minute_while_firing_does_not_end_the_signal_before_the_last_bad_one() {
    Rig rig = new Rig(DefaultAlertRules.SERVICE_DOWN);
    for (long m = 1; m <= 60; m++) {
      long minute = m - 1;
      boolean down = (minute >= 10 && minute < 20 && minute != 15) || (minute >= 16 && minute < 30);
      rig.events(MetricNames.HTTP_SERVER_REQUESTS, down ? DOWN : UP, minutes(m), 12);
      rig.evaluate(minutes(m));
    }

    assertThat(only(rig, AlertEvent.Kind.RESOLVED).signal())
        .isEqualTo(new AlertSignal(minutes(10), minutes(30)));
  }

  @Test
  void an_evaluator_that_never_saw_the_bad_intervals_knows_the_end_only() {
    Rig first = outage(10, 40, 20);
    AlertEvent fired = only(first, AlertEvent.Kind.FIRED);
    assertThat(fired.signal().start()).isEqualTo(minutes(10));

    // A new evaluator on the same state store, from minute 21 on: the alert is still firing.
    Rig second = new Rig(first.store, DefaultAlertRules.SERVICE_DOWN);
    for (long m = 21; m <= 60; m++) {
      boolean down = m - 1 < 40;
      second.events(MetricNames.HTTP_SERVER_REQUESTS, down ? DOWN : UP, minutes(m), 12);
      second.evaluate(minutes(m));
    }

    assertThat(only(second, AlertEvent.Kind.RESOLVED).signal())
        .isEqualTo(new AlertSignal(null, minutes(40)));
  }

  @Test
  void an_end_before_the_start_is_refused() {
    assertThatThrownBy(() -> new AlertSignal(minutes(2), minutes(1)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("end");
  }
}
