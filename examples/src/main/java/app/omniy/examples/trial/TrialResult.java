package app.omniy.examples.trial;

import app.omniy.core.post.SuccessRate;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What happened on the simulated day: every figure counted from the store and the fake API, none
 * made up.
 *
 * @param day the simulated day (JST)
 * @param postsScheduled posts accepted by validation
 * @param rejected posts refused by validation (POST-2), never scheduled
 * @param published posts that went out
 * @param failedByReason final failures by reason code
 * @param pending posts still waiting when the simulation ended
 * @param publishedTwice containers the fake API saw published more than once (must be 0)
 * @param successRate POST-9's rate over the final outcomes
 * @param faultsInjected Graph API faults injected, by kind
 * @param notSimulated what the trial does not do yet
 */
public record TrialResult(
    LocalDate day,
    int postsScheduled,
    int rejected,
    int published,
    Map<String, Long> failedByReason,
    int pending,
    int publishedTwice,
    SuccessRate successRate,
    Map<String, Integer> faultsInjected,
    List<String> notSimulated) {

  /** Final failures of every reason. */
  public long failed() {
    return failedByReason.values().stream().mapToLong(Long::longValue).sum();
  }
}
