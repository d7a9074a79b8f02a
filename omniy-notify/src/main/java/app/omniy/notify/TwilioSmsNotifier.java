package app.omniy.notify;

import app.omniy.core.InvalidValueException;
import app.omniy.core.alert.AlertEvent;
import app.omniy.core.alert.spi.Notifier;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * Sends alerts as SMS through Twilio's REST API ({@code POST
 * /2010-04-01/Accounts/{AccountSid}/Messages.json}, form-encoded {@code To}, {@code From}, {@code
 * Body}, basic authentication with the account SID and auth token), one message per recipient.
 */
public final class TwilioSmsNotifier implements Notifier {
  /** Twilio's API root. */
  public static final URI TWILIO_API = URI.create("https://api.twilio.com");

  /** Twilio's longest message body. */
  static final int MAX_BODY = 1600;

  private final HttpClient client;
  private final URI messages;
  private final String authorization;
  private final String from;
  private final List<String> to;

  /**
   * @param client the HTTP client
   * @param apiRoot {@link #TWILIO_API}, or a fake's root in tests
   * @param accountSid the account SID
   * @param authToken the auth token (a secret)
   * @param from the sending number, E.164
   * @param to the receiving numbers, E.164; at least one
   */
  public TwilioSmsNotifier(
      HttpClient client,
      URI apiRoot,
      String accountSid,
      String authToken,
      String from,
      List<String> to) {
    if (client == null || apiRoot == null || accountSid == null || authToken == null) {
      throw new InvalidValueException(
          "twilio", null, "client, API root, SID and token are required");
    }
    if (from == null || to == null || to.isEmpty()) {
      throw new InvalidValueException("to", to, "needs a sender and at least one recipient");
    }
    this.client = client;
    this.messages = apiRoot.resolve("/2010-04-01/Accounts/" + accountSid + "/Messages.json");
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
    this.from = from;
    this.to = List.copyOf(to);
  }

  @Override
  public void send(AlertEvent event) {
    String text = Severities.title(event) + ": " + event.reason();
    URI runbook = Severities.runbook(event).url();
    if (runbook != null) {
      text += " " + runbook; // the steps do not fit a text message; the link does
    }
    post(text);
  }

  /** One text message per recipient listing every alert's title, cut to the body limit. */
  @Override
  public void sendGroup(List<AlertEvent> events) {
    post(Severities.groupTitle(events));
  }

  private void post(String body) {
    String text = body;
    if (text.length() > MAX_BODY) {
      text = text.substring(0, MAX_BODY - 1) + "…";
    }
    for (String number : to) {
      String form = "To=" + encode(number) + "&From=" + encode(from) + "&Body=" + encode(text);
      HttpRequest request =
          HttpRequest.newBuilder(messages)
              .timeout(Duration.ofSeconds(10))
              .header("Authorization", authorization)
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form))
              .build();
      HttpPosts.send(client, request, "Twilio SMS to " + number);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
