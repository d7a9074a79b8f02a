package app.omniy.notify;

import app.omniy.core.InvalidValueException;
import app.omniy.core.alert.AlertEvent;
import app.omniy.core.alert.Runbook;
import app.omniy.core.alert.spi.Notifier;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;

/**
 * Posts alerts as JSON to any URL: {@code kind}, {@code id}, {@code name}, {@code severity}, {@code
 * labels}, {@code at}, {@code firingSince}, {@code text} (why it was sent, {@link
 * AlertEvent#reason()}), {@code condition}, {@code escalation}, when acknowledged {@code
 * acknowledgedBy}/{@code acknowledgedAt}, and unless it is a resolve notice the rule's {@code
 * runbook} ({@code url}, {@code steps}) when it has one.
 */
public final class WebhookNotifier implements Notifier {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client;
  private final URI url;

  public WebhookNotifier(HttpClient client, URI url) {
    if (client == null || url == null) {
      throw new InvalidValueException(client == null ? "client" : "url", null, "is required");
    }
    this.client = client;
    this.url = url;
  }

  @Override
  public void send(AlertEvent event) {
    post(json(event));
  }

  /** One request: {@code {"events": [...]}}, each event as {@link #send} posts it. */
  @Override
  public void sendGroup(List<AlertEvent> events) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode list = body.putArray("events");
    events.forEach(event -> list.add(json(event)));
    post(body);
  }

  private static ObjectNode json(AlertEvent event) {
    ObjectNode body = JSON.createObjectNode();
    body.put("kind", event.kind().name());
    body.put("id", event.rule().id());
    body.put("name", event.rule().name());
    body.put("severity", Severities.lower(event.rule().severity()));
    ObjectNode labels = body.putObject("labels");
    new TreeMap<>(event.key().labels()).forEach(labels::put);
    body.put("at", event.at().toString());
    body.put("firingSince", event.firingSince().toString());
    body.put("text", event.reason());
    body.put("condition", event.rule().condition().describe());
    body.put("escalation", event.toEscalationContact());
    Runbook runbook = Severities.runbook(event);
    if (!runbook.isEmpty()) {
      ObjectNode steps = body.putObject("runbook");
      if (runbook.url() != null) {
        steps.put("url", runbook.url().toString());
      }
      runbook.steps().forEach(steps.putArray("steps")::add);
    }
    if (event.acknowledgement() != null) {
      body.put("acknowledgedBy", event.acknowledgement().by());
      body.put("acknowledgedAt", event.acknowledgement().at().toString());
    }
    return body;
  }

  private void post(ObjectNode body) {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    HttpPosts.send(client, request, "Webhook " + url.getHost());
  }
}
