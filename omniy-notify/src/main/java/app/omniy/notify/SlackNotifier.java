package app.omniy.notify;

import app.omniy.core.InvalidValueException;
import app.omniy.core.alert.AlertEvent;
import app.omniy.core.alert.Digest;
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

/**
 * Posts alerts to a Slack incoming webhook: a message whose attachment is coloured by severity,
 * links to {@code link} (a dashboard or runbook), says why it was sent ({@link
 * AlertEvent#reason()}) and, unless it is a resolve notice, lists the rule's runbook in a "First
 * steps" field.
 */
public final class SlackNotifier implements Notifier {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client;
  private final URI webhook;
  private final URI link;

  /**
   * @param client the HTTP client, with its connect timeout
   * @param webhook the incoming webhook URL (a secret)
   * @param link where the message's title links to
   */
  public SlackNotifier(HttpClient client, URI webhook, URI link) {
    if (client == null || webhook == null || link == null) {
      throw new InvalidValueException(
          client == null ? "client" : webhook == null ? "webhook" : "link", null, "is required");
    }
    this.client = client;
    this.webhook = webhook;
    this.link = link;
  }

  @Override
  public void send(AlertEvent event) {
    ObjectNode body = JSON.createObjectNode();
    body.put("text", Severities.title(event));
    attach(body.putArray("attachments"), event);
    post(body);
  }

  /** One message: the group's title as text and one attachment per alert, in order. */
  @Override
  public void sendGroup(List<AlertEvent> events) {
    ObjectNode body = JSON.createObjectNode();
    body.put("text", Severities.groupTitle(events));
    ArrayNode attachments = body.putArray("attachments");
    events.forEach(event -> attach(attachments, event));
    post(body);
  }

  /** One message: the digest's text (title, the day's figures, each held notification). */
  @Override
  public void sendDigest(Digest digest) {
    ObjectNode body = JSON.createObjectNode();
    body.put("text", digest.text());
    post(body);
  }

  private void attach(ArrayNode attachments, AlertEvent event) {
    ObjectNode attachment = attachments.addObject();
    attachment.put("color", Severities.colour(event));
    attachment.put("title", Severities.title(event));
    attachment.put("title_link", link.toString());
    attachment.put("text", event.reason());
    Runbook runbook = Severities.runbook(event);
    if (!runbook.isEmpty()) {
      ObjectNode field = attachment.putArray("fields").addObject();
      field.put("title", "First steps");
      field.put("value", runbook.text().strip());
      field.put("short", false);
    }
    attachment.put("footer", event.rule().condition().describe());
    attachment.put("ts", event.at().getEpochSecond());
  }

  private void post(ObjectNode body) {
    HttpRequest request =
        HttpRequest.newBuilder(webhook)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    HttpPosts.send(client, request, "Slack webhook");
  }
}
