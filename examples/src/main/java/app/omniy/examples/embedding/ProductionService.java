package app.omniy.examples.embedding;

import app.omniy.core.alert.Channel;
import app.omniy.core.alert.spi.Notifier;
import app.omniy.firestore.FirestoreStores;
import app.omniy.instagram.GraphApiConfig;
import app.omniy.instagram.InstagramPublisher;
import app.omniy.instagram.spi.AccessTokens;
import app.omniy.notify.EmailNotifier;
import app.omniy.notify.SlackNotifier;
import app.omniy.notify.TwilioSmsNotifier;
import app.omniy.runtime.Omniy;
import app.omniy.stripe.StripeSettings;
import app.omniy.stripe.StripeWebhooks;
import com.google.cloud.firestore.Firestore;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;

/**
 * The whole production service on one builder (the README's embedding example, docs/embedding.md):
 * every store on Firestore, posts through Instagram, alerts to Slack, SMS and e-mail, incidents
 * with their deadlines, escalation and mitigations, the downtime ledger, support deadlines, and the
 * host's Stripe webhook endpoint — every meter in the host's one registry, so ALERT-C1 … C4 read
 * what happens. Its test runs it on the Firestore emulator and the fake Graph API.
 */
public final class ProductionService implements AutoCloseable {
  private final Omniy omniy;
  private final StripeWebhooks webhooks;

  /**
   * Starts the service.
   *
   * @param db the Firestore client ({@code FirestoreOptions.getDefaultInstance().getService()})
   * @param registry the host's meter registry (Spring Boot's, in a Spring application)
   * @param graphApi the Instagram Graph API configuration
   * @param tokens the accounts' access tokens, from the host's storage
   * @param stripe the Stripe API key and webhook secret
   * @param alerts where alerts go ({@link #notifiers})
   */
  public ProductionService(
      Firestore db,
      MeterRegistry registry,
      GraphApiConfig graphApi,
      AccessTokens tokens,
      StripeSettings stripe,
      Notifiers alerts) {
    Notifier slack = alerts.slack();
    Notifier sms = alerts.sms();
    Notifier email = alerts.email();
    // README: production
    FirestoreStores firestore = FirestoreStores.of(db, registry); // every store; ALERT-C3 counts
    omniy =
        Omniy.builder()
            .meterRegistry(registry) // the host's: every meter, and its http.server.requests
            .stores(firestore) // posts, alert state, incidents, downtime, leases, runs, tickets
            .publisher(InstagramPublisher.builder(graphApi, tokens).meterRegistry(registry).build())
            .notifier(Channel.SLACK, slack)
            .notifier(Channel.SMS, sms)
            .notifier(Channel.EMAIL, email)
            .start();
    webhooks =
        StripeWebhooks.builder(stripe)
            .processedEvents(firestore.processedEvents())
            .meterRegistry(registry) // omniy.stripe.webhooks, read by ALERT-C2
            .build();
    // README end
  }

  /** Who hears alerts, per channel. */
  public record Notifiers(Notifier slack, Notifier sms, Notifier email) {}

  /**
   * The guide's three channels from the host's secrets: a Slack incoming webhook, Twilio SMS and
   * SMTP e-mail (omniy-notify), each linking to {@code runbook}.
   */
  public static Notifiers notifiers(
      HttpClient http,
      URI slackWebhook,
      String twilioSid,
      String twilioToken,
      String smsFrom,
      List<String> smsTo,
      String smtpHost,
      String mailFrom,
      List<String> mailTo,
      URI runbook) {
    // embedding.md: notifiers
    return new Notifiers(
        new SlackNotifier(http, slackWebhook, runbook),
        new TwilioSmsNotifier(
            http, TwilioSmsNotifier.TWILIO_API, twilioSid, twilioToken, smsFrom, smsTo),
        EmailNotifier.smtp(smtpHost, 587, null, null, true, mailFrom, mailTo, runbook));
    // embedding.md end
  }

  /** The runtime: incidents, the downtime ledger, health, the operator's switches. */
  public Omniy omniy() {
    return omniy;
  }

  /** The host's {@code POST /stripe/webhook}: the HTTP status to answer with. */
  public int stripeWebhook(String rawBody, String signatureHeader) {
    return webhooks.handle(rawBody, signatureHeader).httpStatus();
  }

  /** Stops the runtime and its engines; running attempts finish. */
  @Override
  public void close() {
    omniy.close();
  }
}
