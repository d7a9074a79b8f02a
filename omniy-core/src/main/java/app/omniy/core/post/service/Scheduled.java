package app.omniy.core.post.service;

import app.omniy.core.Require;
import app.omniy.core.post.PostRecord;
import java.util.List;
import java.util.Optional;

/**
 * A post {@link PostService#scheduleWithWarnings} stored, and what the host should know about it.
 *
 * @param record the stored post, SCHEDULED
 * @param warnings the warnings, empty when there is none
 */
public record Scheduled(PostRecord record, List<ScheduleWarning> warnings) {
  /** Checks and copies the components. */
  public Scheduled {
    Require.nonNull(record, "record");
    warnings = List.copyOf(Require.nonNull(warnings, "warnings"));
  }

  /** The warning with {@code code}, if any. */
  public Optional<ScheduleWarning> warning(ScheduleWarning.Code code) {
    return warnings.stream().filter(w -> w.code() == code).findFirst();
  }
}
