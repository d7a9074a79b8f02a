package app.omniy.examples.embedding;

import app.omniy.core.alert.AlertEvent;
import app.omniy.core.alert.Channel;
import app.omniy.core.alert.DefaultAlertRules;
import app.omniy.core.alert.spi.Notifier;
import app.omniy.core.memory.InMemoryDowntimeStore;
import app.omniy.core.post.Post;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.spi.Publisher;
import app.omniy.core.sla.spi.DowntimeStore;
import app.omniy.runtime.Omniy;
import app.omniy.runtime.alert.AlertRuntime;
import app.omniy.runtime.alert.NotificationDispatcher;
import app.omniy.runtime.incident.IncidentEvent;
import app.omniy.runtime.incident.IncidentRuntime;
import app.omniy.runtime.incident.Mitigation;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * How a host application embeds Omniy (the README's "embedding the runtime in a host app"): the
 * publishing runtime on the host's meter registry, the guide's alert rules reading that registry
 * (the host's own {@code http.server.requests} included, ALERT-C1), and incidents opened from
 * critical alerts, with pausing publishing as the mitigation for a service outage (INC-4) and
 * downtime fed to the SLA ledger (INC-2). Its test runs it against the fake Graph API.
 */
public final class HostApplication implements AutoCloseable {
  private final Omniy omniy;
  private final AlertRuntime alerts;
  private final IncidentRuntime incidents;
  private final DowntimeStore downtime = new InMemoryDowntimeStore();
  private final Mitigation pausePublishing;

  /**
   * Starts Omniy inside the host.
   *
   * @param publisher how posts go out, e.g. an {@code InstagramPublisher}
   * @param registry the host's meter registry (Spring Boot's, in a Spring application)
   * @param notifier where alerts go: Slack, SMS and e-mail notifiers in production
   * @param clock the host's clock
   * @param executor runs notification deliveries; the host owns it
   */
  public HostApplication(
      Publisher publisher,
      MeterRegistry registry,
      Notifier notifier,
      Clock clock,
      ExecutorService executor) {
    // README: embedding
    omniy = Omniy.builder().publisher(publisher).meterRegistry(registry).clock(clock).start();
    Map<Channel, Notifier> channels = new EnumMap<>(Channel.class);
    for (Channel channel : Channel.values()) {
      channels.put(channel, notifier);
    }
    NotificationDispatcher notifications =
        new NotificationDispatcher(
            channels, notifier, 3, Duration.ofSeconds(1), Duration.ofSeconds(30), executor);
    alerts =
        AlertRuntime.builder(clock, notifications)
            .rules(DefaultAlertRules.all())
            .registry(registry)
            .build();
    incidents =
        IncidentRuntime.builder(clock).downtime(downtime).notifications(notifications).build();
    pausePublishing = Mitigation.pausePublishing(omniy::pause, omniy::resume);
    // README end
  }

  /** The host's "schedule" endpoint: validated (POST-2), stored, published on time, once. */
  public PostRecord schedule(Post post) {
    return omniy.posts().schedule(post);
  }

  /**
   * One monitoring cycle, every minute in production (ALERT-5): alerts are evaluated and sent, a
   * firing critical alert opens an incident, a service outage pauses publishing until the alert
   * resolves, and deadlines are checked.
   *
   * @return what happened to incidents
   */
  public List<IncidentEvent> monitor() {
    List<IncidentEvent> happened = new ArrayList<>();
    List<AlertEvent> events = alerts.tick().evaluation().events();
    for (IncidentEvent event : incidents.onAlerts(events)) {
      happened.add(event);
      if (event.kind() == IncidentEvent.Kind.OPENED
          && event.incident().title().startsWith(DefaultAlertRules.SERVICE_DOWN.id())) {
        happened.addAll(incidents.mitigate(event.incident().id(), pausePublishing));
      }
    }
    happened.addAll(incidents.tick());
    return happened;
  }

  /** The runtime, for the host's health endpoint and operator switches. */
  public Omniy omniy() {
    return omniy;
  }

  /** The incidents, for the operator's screens and the RCA. */
  public IncidentRuntime incidents() {
    return incidents;
  }

  /** The downtime recorded, for the month's SLA report. */
  public DowntimeStore downtime() {
    return downtime;
  }

  /** Stops publishing; running attempts finish. */
  @Override
  public void close() {
    omniy.close();
  }
}
