package app.omniy.core.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** MNT-3: a run record says when it started and ended, and only an ended run has an end. */
class JobRunTest {
  private static final Instant DUE = Instant.parse("2026-04-09T18:00:00Z");

  @Test
  void a_running_run_has_no_end_and_a_finished_one_alerts_when_it_failed_or_was_missed() {
    JobRun running = JobRun.running("daily-backup", DUE, "a", DUE.plusSeconds(1));
    JobRun failed = running.finish(DUE.plusSeconds(60), JobOutcome.FAILED, "x: failed", "x: boom");

    assertThat(running.finishedAt()).isEmpty();
    assertThat(running.alerts()).isFalse();
    assertThat(failed.finishedAt()).contains(DUE.plusSeconds(60));
    assertThat(failed.errorMessage()).contains("x: boom");
    assertThat(failed.alerts()).isTrue();
    assertThat(running.finish(DUE.plusSeconds(2), JobOutcome.SUCCEEDED, "ok", null).alerts())
        .isFalse();
  }

  @Test
  void an_end_before_the_start_or_a_running_run_with_an_end_is_rejected() {
    JobRun running = JobRun.running("daily-backup", DUE, "a", DUE.plusSeconds(10));

    assertThatThrownBy(() -> running.finish(DUE, JobOutcome.SUCCEEDED, "", null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("finished");
    assertThatThrownBy(() -> running.finish(DUE.plusSeconds(20), JobOutcome.RUNNING, "", null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("RUNNING");
  }
}
