package app.omniy.instagram;

import java.time.Duration;

/**
 * An account's live publishing quota from {@code content_publishing_limit} (POST-3).
 *
 * @param used posts published through the API in the rolling window
 * @param total {@code quota_total}: how many the window allows (Meta's pages disagree; read it)
 * @param window {@code quota_duration}, 24 hours
 */
public record PublishingLimit(int used, int total, Duration window) {
  /** Posts the account may still publish in the window. */
  public int remaining() {
    return Math.max(0, total - used);
  }
}
