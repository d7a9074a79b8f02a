package app.omniy.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.alert.AlertStatus;
import app.omniy.core.alert.DefaultAlertRules;
import app.omniy.core.alert.Evaluation;
import app.omniy.core.alert.spi.Notifier;
import app.omniy.core.metrics.MetricNames;
import app.omniy.core.post.PostState;
import app.omniy.examples.billing.StripeWebhookExample.LocalStripe;
import app.omniy.firestore.FirestoreConnections;
import app.omniy.instagram.GraphApiConfig;
import app.omniy.instagram.InMemoryAccessTokens;
import app.omniy.instagram.spi.AccessToken;
import app.omniy.notify.EmailNotifier;
import app.omniy.notify.SlackNotifier;
import app.omniy.notify.TwilioSmsNotifier;
import app.omniy.runtime.alert.AlertRuntime;
import app.omniy.stripe.StripeSettings;
import app.omniy.testkit.Await;
import app.omniy.testkit.FirestoreEmulator;
import app.omniy.testkit.FirestoreEmulatorExtension;
import app.omniy.testkit.SamplePosts;
import app.omniy.testkit.graph.FakeGraphApi;
import com.google.cloud.firestore.Firestore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The production wiring on the Firestore emulator and the fake Graph API: one registry, the host's,
 * holds every meter the critical rules read, so ALERT-C2 and ALERT-C3 never read "no data" from
 * meters counted somewhere else.
 */
@ExtendWith(FirestoreEmulatorExtension.class)
class ProductionServiceTest {
  private static final String ACCOUNT = "17841400000000001";
  private static final String SECRET = "whsec_production_1234";

  @Test
  void every_adapter_counts_in_the_hosts_registry_which_the_one_engine_reads(
      FirestoreEmulator emulator) throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry(); // the host's
    List<String> heard = new CopyOnWriteArrayList<>();
    Notifier recording = event -> heard.add(event.kind() + " " + event.key());
    // (whatever fires goes to the recording notifier: no network is called)
    InMemoryAccessTokens tokens = new InMemoryAccessTokens();
    tokens.put(ACCOUNT, new AccessToken("IGQ-token", Instant.now().plusSeconds(86_400 * 30)));
    Firestore db = FirestoreConnections.emulator(emulator.hostAndPort(), emulator.projectId());
    try (FakeGraphApi api = FakeGraphApi.start().addAccount(ACCOUNT, "IGQ-token");
        ProductionService service =
            new ProductionService(
                db,
                registry,
                GraphApiConfig.builder(GraphApiConfig.Flavour.INSTAGRAM_LOGIN)
                    .baseUri(api.baseUri())
                    .build(),
                tokens,
                StripeSettings.of("sk_test_production", SECRET),
                new ProductionService.Notifiers(recording, recording, recording))) {
      AlertRuntime alerts = service.omniy().alerts().orElseThrow();
      alerts.tick(); // primes the meters

      Instant now = Instant.now();
      service.omniy().store().insert(SamplePosts.image("p1", ACCOUNT, now), now);
      Await.until(
          "p1 is published through Firestore and the Graph API",
          () -> service.omniy().store().find("p1").orElseThrow().state() == PostState.PUBLISHED);
      LocalStripe stripe = new LocalStripe(SECRET);
      String delivery = stripe.paymentFailed("evt_1", "in_1", Instant.now());
      int status = service.stripeWebhook(delivery, stripe.sign(delivery, Instant.now()));
      // Each rule is evaluated once in its own interval (10 s for C2 and C3, ALERT-5): tick until
      // a cycle has evaluated both after the delivery.
      List<AlertStatus> statuses = new ArrayList<>();
      Await.until(
          "ALERT-C2 and ALERT-C3 evaluated after the delivery",
          () -> {
            statuses.addAll(alerts.tick().evaluation().statuses());
            return List.of(DefaultAlertRules.PAYMENTS.id(), DefaultAlertRules.DATABASE.id())
                .stream()
                .allMatch(rule -> statuses.stream().anyMatch(s -> s.key().ruleId().equals(rule)));
          });

      assertThat(status).isEqualTo(200);
      assertThat(registry.find(MetricNames.FIRESTORE_CONNECTIONS).counters())
          .as("ALERT-C3's meter, in the host's registry")
          .anyMatch(c -> c.count() > 0);
      assertThat(registry.find(MetricNames.STRIPE_WEBHOOKS).counters())
          .as("ALERT-C2's meter, in the host's registry")
          .anyMatch(c -> c.count() == 1);
      assertThat(registry.find(MetricNames.INSTAGRAM_QUOTA_USAGE).tag("account", ACCOUNT).gauge())
          .as("ALERT-I2's meter")
          .isNotNull();
      assertThat(registry.find(MetricNames.POST_ATTEMPTS).counters()).isNotEmpty(); // ALERT-C4
      for (String rule :
          List.of(DefaultAlertRules.PAYMENTS.id(), DefaultAlertRules.DATABASE.id())) {
        assertThat(statuses)
            .as(rule + " reads the adapters' meters")
            .filteredOn(s -> s.key().ruleId().equals(rule))
            .isNotEmpty()
            .allMatch(s -> s.evaluation().outcome() != Evaluation.Outcome.NO_DATA);
      }
    } finally {
      db.close();
    }
  }

  @Test
  void the_guides_three_channels_are_built_from_the_hosts_secrets() {
    ProductionService.Notifiers notifiers =
        ProductionService.notifiers(
            HttpClient.newHttpClient(),
            URI.create("https://hooks.slack.com/services/T000/B000/XXXX"),
            "AC0000",
            "twilio-token",
            "+815000000000",
            List.of("+819000000000"),
            "smtp.example.jp",
            "omniy@example.jp",
            List.of("oncall@example.jp"),
            URI.create("https://status.example.jp/runbook"));

    assertThat(notifiers.slack()).isInstanceOf(SlackNotifier.class);
    assertThat(notifiers.sms()).isInstanceOf(TwilioSmsNotifier.class);
    assertThat(notifiers.email()).isInstanceOf(EmailNotifier.class);
  }
}
