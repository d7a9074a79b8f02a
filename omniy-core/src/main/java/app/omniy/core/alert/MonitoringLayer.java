package app.omniy.core.alert;

import java.time.Duration;

/**
 * The operations guide's monitoring layers and how often each is evaluated (ALERT-5). A rule's
 * {@link AlertRule#every()} defaults to its layer's cadence in {@link DefaultAlertRules}.
 */
public enum MonitoringLayer {
  /** CPU, memory, disk, network: every minute. */
  INFRASTRUCTURE(Duration.ofMinutes(1)),
  /**
   * API response time, error rates, throughput — the guide's "real time". Omniy evaluates these
   * every 10 seconds: the samples are already in memory, and 10 s is a small part of the shortest
   * response deadline (10 minutes, ALERT-C2).
   */
  APPLICATION(Duration.ofSeconds(10)),
  /** External checks (the guide's UptimeRobot, external API limits): every 5 minutes. */
  EXTERNAL(Duration.ofMinutes(5)),
  /** Business metrics (post success, sign-ups, revenue, active users): every 10 minutes. */
  BUSINESS(Duration.ofMinutes(10));

  private final Duration cadence;

  MonitoringLayer(Duration cadence) {
    this.cadence = cadence;
  }

  /** How often rules of this layer are evaluated. */
  public Duration cadence() {
    return cadence;
  }
}
