package app.omniy.examples.alerts;

import app.omniy.core.alert.AlertRule;
import app.omniy.files.ReloadableRules;
import app.omniy.runtime.alert.AlertRuntime;
import app.omniy.runtime.alert.NotificationDispatcher;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Loading alert rules from a YAML file shaped like the guide's (ALERT-4): the file is read
 * strictly, reloaded at each cycle when it changed, and a bad edit is rejected with file, line and
 * field while the previous rules stay in force.
 */
public final class AlertRulesFromYaml {
  private AlertRulesFromYaml() {}

  /** The guide's ALERT-C1 in the file format, as a host would write it. */
  public static final String SERVICE_DOWN_YAML =
      """
      critical:
        サービス停止:
          id: ALERT-C1
          metric: http.server.requests
          share-of: {status: "5xx"}
          above: 10%
          over: 5m
          min-samples: 20
          notify: [slack, sms, email]
          respond-within: 15m
      """;

  /** An alert runtime on the rules of {@code file}, reading {@code registry}. */
  public static AlertRuntime runtime(
      Path file, MeterRegistry registry, NotificationDispatcher notifications, Clock clock) {
    // README: rules from YAML
    ReloadableRules rules = ReloadableRules.load(file); // InvalidFileException: file, line, field
    return AlertRuntime.builder(clock, notifications)
        .rules(rules) // reloaded at each cycle when the file changed; a bad edit keeps these
        .registry(registry)
        .build();
    // README end
  }

  /** The rules in force, one line each, as {@code omniy rules check} prints them. */
  public static List<String> describe(AlertRuntime runtime) {
    return runtime.rules().stream().map(AlertRule::describe).toList();
  }
}
