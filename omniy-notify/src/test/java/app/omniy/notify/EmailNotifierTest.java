package app.omniy.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.alert.AlertEvent;
import app.omniy.core.alert.spi.DeliveryException;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** E-mail over SMTP against an embedded GreenMail server. */
class EmailNotifierTest {
  @RegisterExtension
  static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private EmailNotifier notifier(int port) {
    return EmailNotifier.smtp(
        "127.0.0.1",
        port,
        null,
        null,
        false,
        "omniy@example.com",
        List.of("ops@example.com", "yuki@example.com"),
        URI.create("https://status.example/alerts"));
  }

  @Test
  void an_alert_arrives_with_its_severity_in_the_japanese_subject_and_the_finding_in_the_body()
      throws Exception {
    notifier(mail.getSmtp().getPort()).send(NotifiersTest.event(AlertEvent.Kind.FIRED, false));

    MimeMessage[] received = mail.getReceivedMessages();
    assertThat(received).hasSize(2);
    assertThat(received[0].getSubject()).isEqualTo("[CRITICAL FIRED] ALERT-C1 サービス停止");
    assertThat(GreenMailUtil.getBody(received[0]))
        .contains("12% (12 of 100)")
        .contains("First steps:")
        .contains("1. Check the health endpoint");
    assertThat(received[0].getContent().toString())
        .contains("12% (12 of 100) > 10%", "Respond within: 15m", "https://status.example/alerts");
  }

  @Test
  void an_unreachable_server_is_a_temporary_failure_so_the_dispatcher_retries_it() {
    EmailNotifier closedPort = notifier(1);

    assertThatThrownBy(() -> closedPort.send(NotifiersTest.event(AlertEvent.Kind.FIRED, false)))
        .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isTrue());
  }

  @Test
  void a_malformed_address_is_rejected_when_configured() {
    assertThatThrownBy(
            () ->
                EmailNotifier.smtp(
                    "localhost",
                    25,
                    null,
                    null,
                    false,
                    "not an address",
                    List.of("a@b.c"),
                    URI.create("https://x")))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("from"));
  }
}
