package app.omniy.notify;

import app.omniy.core.InvalidValueException;
import app.omniy.core.alert.AlertEvent;
import app.omniy.core.alert.Digest;
import app.omniy.core.alert.Runbook;
import app.omniy.core.alert.spi.DeliveryException;
import app.omniy.core.alert.spi.Notifier;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * Sends alerts by e-mail over SMTP (Jakarta Mail, implemented by Angus Mail): subject {@code
 * [CRITICAL FIRED] ALERT-C1 サービス停止}, a plain-text body with the finding, the condition and a link.
 * Rejected addresses are permanent failures; anything else (the server unreachable, a timeout) is
 * temporary.
 */
public final class EmailNotifier implements Notifier {
  private final Session session;
  private final InternetAddress from;
  private final InternetAddress[] to;
  private final URI link;

  private EmailNotifier(Session session, InternetAddress from, InternetAddress[] to, URI link) {
    this.session = session;
    this.from = from;
    this.to = to;
    this.link = link;
  }

  /**
   * A notifier sending through {@code host:port}.
   *
   * @param user the SMTP user, or null for no authentication
   * @param password the SMTP password (a secret), or null
   * @param startTls whether to require STARTTLS
   * @param from the sender address
   * @param to the recipients; at least one
   * @param link a dashboard or runbook link put in every message
   * @throws InvalidValueException if an address is malformed or missing
   */
  public static EmailNotifier smtp(
      String host,
      int port,
      @Nullable String user,
      @Nullable String password,
      boolean startTls,
      String from,
      List<String> to,
      URI link) {
    if (host == null || host.isBlank()) {
      throw new InvalidValueException("host", host, "is required");
    }
    if (to == null || to.isEmpty()) {
      throw new InvalidValueException("to", to, "needs at least one recipient");
    }
    Properties props = new Properties();
    props.put("mail.smtp.host", host);
    props.put("mail.smtp.port", String.valueOf(port));
    props.put("mail.smtp.connectiontimeout", "10000");
    props.put("mail.smtp.timeout", "10000");
    props.put("mail.smtp.writetimeout", "10000");
    props.put("mail.smtp.starttls.enable", String.valueOf(startTls));
    props.put("mail.smtp.starttls.required", String.valueOf(startTls));
    Authenticator auth = null;
    if (user != null) {
      props.put("mail.smtp.auth", "true");
      PasswordAuthentication credentials =
          new PasswordAuthentication(user, password == null ? "" : password);
      auth =
          new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
              return credentials;
            }
          };
    }
    InternetAddress[] recipients = new InternetAddress[to.size()];
    for (int i = 0; i < recipients.length; i++) {
      recipients[i] = address("to[" + i + "]", to.get(i));
    }
    return new EmailNotifier(
        Session.getInstance(props, auth), address("from", from), recipients, link);
  }

  private static InternetAddress address(String field, String text) {
    try {
      return new InternetAddress(text, true);
    } catch (MessagingException | NullPointerException e) {
      throw new InvalidValueException(field, text, "is not an e-mail address");
    }
  }

  @Override
  public void send(AlertEvent event) {
    mail(Severities.title(event), event.at(), body(event));
  }

  /** One e-mail: the group's title as subject, each alert's body in turn. */
  @Override
  public void sendGroup(List<AlertEvent> events) {
    StringBuilder text = new StringBuilder();
    for (AlertEvent event : events) {
      text.append(text.length() == 0 ? "" : "\n----\n\n").append(body(event));
    }
    mail(Severities.groupTitle(events), events.get(0).at(), text.toString());
  }

  /** One e-mail: the digest's title as subject, its text as body. */
  @Override
  public void sendDigest(Digest digest) {
    mail(digest.title(), digest.at(), digest.text() + "\n" + link + "\n");
  }

  private void mail(String subject, Instant at, String text) {
    try {
      MimeMessage message = new MimeMessage(session);
      message.setFrom(from);
      message.setRecipients(Message.RecipientType.TO, to);
      message.setSubject(subject, StandardCharsets.UTF_8.name());
      message.setSentDate(Date.from(at));
      message.setText(text, StandardCharsets.UTF_8.name());
      Transport.send(message);
    } catch (SendFailedException e) {
      throw new DeliveryException("SMTP rejected the recipients: " + e.getMessage(), false, e);
    } catch (MessagingException e) {
      throw new DeliveryException("SMTP failed: " + e.getMessage(), true, e);
    }
  }

  private String body(AlertEvent event) {
    StringBuilder text =
        new StringBuilder()
            .append(Severities.title(event))
            .append("\n\n")
            .append(event.reason())
            .append("\n\nCondition: ")
            .append(event.rule().condition().describe())
            .append("\nFiring since: ")
            .append(event.firingSince())
            .append("\nRespond within: ")
            .append(app.omniy.core.alert.AlertCondition.words(event.rule().respondWithin()));
    if (event.acknowledgement() != null) {
      text.append("\nAcknowledged by ").append(event.acknowledgement().by());
    }
    Runbook runbook = Severities.runbook(event);
    if (!runbook.isEmpty()) {
      text.append("\n\nFirst steps:\n").append(runbook.text().strip());
    }
    return text.append("\n\n").append(link).append('\n').toString();
  }
}
