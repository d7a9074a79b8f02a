package app.omniy.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.benchmarks.SchedulerComparison.Scenario;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Runs each side of the comparison once on a few posts, so a broken comparison fails the build;
 * asserts what ran, never how fast.
 */
class SchedulerComparisonTest {

  @Test
  void omniy_quartz_and_the_executor_each_run_every_post_once_and_report_its_lateness()
      throws Exception {
    SchedulerComparison.SideFactory[] sides = {
      SchedulerComparison::omniy, SchedulerComparison::quartz, SchedulerComparison::executor
    };
    for (SchedulerComparison.SideFactory side : sides) {
      SchedulerComparison.Round round =
          SchedulerComparison.roundWithin(
              "side", side, Scenario.INSTANT, 200, 2, 0, new Duration[] {Duration.ofSeconds(1)});

      assertThat(round.fired()).isEqualTo(200);
      assertThat(round.p99Millis()).isGreaterThanOrEqualTo(round.p50Millis()).isNotNegative();
      assertThat(round.scheduleMillis()).isPositive();
    }
  }
}
