package app.omniy.runtime.incident;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Which mitigations the runtime applies by itself when an incident opens (INC-4), declared as data:
 * the incident's cause (the id of the alert rule that opened it, e.g. {@code ALERT-C1}) to the
 * names of the mitigations to apply, in order. The runtime knows {@link #PAUSE_PUBLISHING}; a host
 * names its own with {@code Omniy.Builder#mitigation(String, Mitigation)}. Every mitigation applied
 * is lifted when the incident recovers.
 *
 * <pre>{@code
 * Mitigations.GUIDE                                   // ALERT-C1 -> pause-publishing
 * Mitigations.none().on("ALERT-C1", Mitigations.PAUSE_PUBLISHING).on("ALERT-C2", "post-notice")
 * }</pre>
 *
 * <p>Immutable: {@link #on} returns a new declaration.
 */
public final class Mitigations {
  /**
   * Stops claiming posts until the incident recovers (INC-4 "disable a feature by flag"): due posts
   * wait and go out on recovery, or fail as missed if the pause outlasts their window (POST-6).
   */
  public static final String PAUSE_PUBLISHING = "pause-publishing";

  /** Nothing applied by itself: every mitigation is the operator's call. */
  private static final Mitigations NONE = new Mitigations(Map.of());

  /**
   * The guide's: a service outage (ALERT-C1, "users cannot use the service") pauses publishing
   * until it recovers, so posts do not fail into an outage; the other incidents are the operator's
   * call.
   */
  public static final Mitigations GUIDE = NONE.on("ALERT-C1", PAUSE_PUBLISHING);

  private final Map<String, List<String>> byCause;

  private Mitigations(Map<String, List<String>> byCause) {
    this.byCause = byCause;
  }

  /** No mitigation applied by itself. */
  public static Mitigations none() {
    return NONE;
  }

  /**
   * These declarations, plus {@code names} applied, in order, when an incident caused by {@code
   * cause} opens (after those already declared for it).
   *
   * @param cause the rule id of the alert that opens the incident, e.g. {@code ALERT-C1}
   * @param names mitigation names: {@link #PAUSE_PUBLISHING} or one the host names on the builder
   * @throws InvalidValueException naming a blank cause, no names, or a blank name
   */
  public Mitigations on(String cause, String... names) {
    requireText(cause, "cause");
    if (names == null || names.length == 0) {
      throw new InvalidValueException("names", null, "must name at least one mitigation");
    }
    Map<String, List<String>> next = new LinkedHashMap<>(byCause);
    List<String> list = new ArrayList<>(next.getOrDefault(cause, List.of()));
    for (int i = 0; i < names.length; i++) {
      requireText(names[i], "names[" + i + "]");
      list.add(names[i]);
    }
    next.put(cause, List.copyOf(list));
    return new Mitigations(Collections.unmodifiableMap(next));
  }

  /**
   * The mitigation names declared for incidents caused by {@code cause}, in order; none if none.
   */
  public List<String> forCause(String cause) {
    return byCause.getOrDefault(Require.nonNull(cause, "cause"), List.of());
  }

  /** Every declaration: cause to mitigation names, in the order declared. */
  public Map<String, List<String>> asMap() {
    return byCause;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Mitigations m && m.byCause.equals(byCause);
  }

  @Override
  public int hashCode() {
    return byCause.hashCode();
  }

  @Override
  public String toString() {
    return "Mitigations" + byCause;
  }

  private static void requireText(@Nullable String value, String field) {
    if (value == null || value.isBlank()) {
      throw new InvalidValueException(field, value, "must not be blank");
    }
  }
}
