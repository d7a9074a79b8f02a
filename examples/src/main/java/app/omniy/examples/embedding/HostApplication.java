package app.omniy.examples.embedding;

import app.omniy.core.alert.Channel;
import app.omniy.core.alert.spi.Notifier;
import app.omniy.core.post.Post;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.spi.Publisher;
import app.omniy.runtime.Omniy;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/**
 * How a host application embeds Omniy (the README's "embedding the runtime in a host app"): one
 * builder on the host's meter registry starts publishing and one alert engine reading that registry
 * (the host's own {@code http.server.requests} included, ALERT-C1), whose cycles open incidents
 * from critical alerts, pause publishing while the service is down (the guide's mitigation for
 * ALERT-C1, INC-4) and record the downtime in the SLA ledger (INC-2). Its test runs it against the
 * fake Graph API; {@link ProductionService} is the same on Firestore, Instagram and Stripe.
 */
public final class HostApplication implements AutoCloseable {
  private final Omniy omniy;

  /**
   * Starts Omniy inside the host.
   *
   * @param publisher how posts go out, e.g. an {@code InstagramPublisher}
   * @param registry the host's meter registry (Spring Boot's, in a Spring application)
   * @param notifier where alerts go: Slack, SMS and e-mail notifiers in production
   * @param clock the host's clock
   */
  public HostApplication(
      Publisher publisher, MeterRegistry registry, Notifier notifier, Clock clock) {
    // README: embedding
    omniy =
        Omniy.builder()
            .publisher(publisher)
            .meterRegistry(registry) // the host's: ALERT-C1 reads its http.server.requests
            .clock(clock)
            .notifier(Channel.SLACK, notifier)
            .notifier(Channel.SMS, notifier)
            .notifier(Channel.EMAIL, notifier)
            .escalationContact(notifier)
            .start(); // one engine: alerts, incidents, ALERT-C1 pauses publishing, downtime
    // README end
  }

  /** The host's "schedule" endpoint: validated (POST-2), stored, published on time, once. */
  public PostRecord schedule(Post post) {
    return omniy.posts().schedule(post);
  }

  /**
   * The runtime: its alert engine and incidents, the downtime ledger, the health report, the
   * operator's switches.
   */
  public Omniy omniy() {
    return omniy;
  }

  /** Stops publishing and the engine; running attempts finish. */
  @Override
  public void close() {
    omniy.close();
  }
}
