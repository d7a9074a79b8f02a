package app.omniy.runtime;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * The runtime's health at one instant, aggregated from its checks (store reachable, publisher
 * congestion, dispatcher lag, lateness, pause, accounts, oldest due post, last backup age), ready
 * for a host's {@code /health} endpoint.
 *
 * @param status the worst of the checks' statuses
 * @param at when it was taken
 * @param checks every check, in a stable order
 */
public record HealthReport(HealthStatus status, Instant at, List<HealthCheck> checks) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * @throws InvalidValueException if a component is missing
   */
  public HealthReport {
    Require.nonNull(status, "status");
    Require.nonNull(at, "at");
    Require.nonNull(checks, "checks");
    checks = List.copyOf(checks);
  }

  /** A report whose status is the worst of {@code checks}. */
  public static HealthReport of(Instant at, List<HealthCheck> checks) {
    HealthStatus worst = HealthStatus.UP;
    for (HealthCheck c : checks) {
      if (c.status().compareTo(worst) > 0) {
        worst = c.status();
      }
    }
    return new HealthReport(worst, at, checks);
  }

  /**
   * The report as JSON: {@code {"status":"UP","at":"…","checks":[{"name":…,"status":…,
   * "detail":…}]}}.
   */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("status", status.name());
    root.put("at", at.toString());
    ArrayNode list = root.putArray("checks");
    for (HealthCheck c : checks) {
      list.addObject()
          .put("name", c.name())
          .put("status", c.status().name())
          .put("detail", c.detail());
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
