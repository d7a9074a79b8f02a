package app.omniy.ops.maintenance;

import java.time.Instant;
import java.time.OffsetDateTime;

/** What the built-in task tests share. */
final class OpsFixtures {
  private OpsFixtures() {}

  /** {@code local}, e.g. {@code 2026-04-10T03:00:00}, read as a time in Japan. */
  static Instant jst(String local) {
    return OffsetDateTime.parse(local + "+09:00").toInstant();
  }
}
