package app.omniy.core.alert.spi;

import app.omniy.core.Require;
import app.omniy.core.alert.Acknowledgement;
import app.omniy.core.alert.AlertKey;
import app.omniy.core.alert.AlertPhase;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The stored state of one alert. Every change increments {@code version}, which is what a store
 * compares before it writes, so that two runtimes racing on the same alert notify once.
 *
 * @param key which alert
 * @param phase where it stands
 * @param pendingSince when the condition started holding, while pending; otherwise null
 * @param firingSince when it fired, while firing or resolved; otherwise null
 * @param lastNotifiedAt when the last fired, repeated or escalated notice went out; or null
 * @param resolvedAt when it resolved, while resolved; otherwise null
 * @param acknowledgement who answered and when, for the current firing; or null
 * @param escalated whether the current firing has been escalated (ALERT-3)
 * @param lastHeldAt while firing, the last evaluation at which the condition held, kept for a rule
 *     with a {@code keep-firing-for} (ALERT-2); null otherwise, which counts as {@code firingSince}
 * @param version 0 for a state never stored; each stored change adds one
 */
public record AlertState(
    AlertKey key,
    AlertPhase phase,
    @Nullable Instant pendingSince,
    @Nullable Instant firingSince,
    @Nullable Instant lastNotifiedAt,
    @Nullable Instant resolvedAt,
    @Nullable Acknowledgement acknowledgement,
    boolean escalated,
    @Nullable Instant lastHeldAt,
    long version) {

  public AlertState {
    Require.nonNull(key, "key");
    Require.nonNull(phase, "phase");
    Require.atLeast(version, 0, "version");
  }

  /** A state without {@code lastHeldAt}: that of a rule without {@code keep-firing-for}. */
  public AlertState(
      AlertKey key,
      AlertPhase phase,
      @Nullable Instant pendingSince,
      @Nullable Instant firingSince,
      @Nullable Instant lastNotifiedAt,
      @Nullable Instant resolvedAt,
      @Nullable Acknowledgement acknowledgement,
      boolean escalated,
      long version) {
    this(
        key,
        phase,
        pendingSince,
        firingSince,
        lastNotifiedAt,
        resolvedAt,
        acknowledgement,
        escalated,
        null,
        version);
  }

  /** The state of an alert that was never stored. */
  public static AlertState inactive(AlertKey key) {
    return new AlertState(key, AlertPhase.INACTIVE, null, null, null, null, null, false, 0);
  }

  /** This state with {@code lastHeldAt}. */
  public AlertState withLastHeldAt(@Nullable Instant lastHeldAt) {
    return new AlertState(
        key,
        phase,
        pendingSince,
        firingSince,
        lastNotifiedAt,
        resolvedAt,
        acknowledgement,
        escalated,
        lastHeldAt,
        version);
  }

  /** This state with {@code version}. */
  public AlertState withVersion(long version) {
    return new AlertState(
        key,
        phase,
        pendingSince,
        firingSince,
        lastNotifiedAt,
        resolvedAt,
        acknowledgement,
        escalated,
        lastHeldAt,
        version);
  }

  /** Whether the stored fields other than the version equal {@code other}'s. */
  public boolean sameAs(AlertState other) {
    return withVersion(0).equals(other.withVersion(0));
  }
}
