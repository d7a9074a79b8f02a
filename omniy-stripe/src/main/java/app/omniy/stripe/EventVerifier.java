package app.omniy.stripe;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Verifies a delivery with stripe-java's {@link Webhook#constructEvent} and tells the reasons for
 * refusing it apart. The SDK checks the signature before the timestamp, so a forged old payload is
 * a bad signature, not a stale one: only a correctly signed replay is reported as stale.
 */
final class EventVerifier {
  // The SDK's messages, the only way it tells these cases apart; pinned by tests per kind.
  private static final String SDK_STALE = "Timestamp outside the tolerance zone";
  private static final String SDK_NO_V1 = "No signatures found with expected scheme";

  private final String secret;
  private final long toleranceSeconds;
  private final Clock clock;

  public EventVerifier(String secret, Duration tolerance, Clock clock) {
    this.secret = secret;
    this.toleranceSeconds = tolerance.getSeconds();
    this.clock = clock;
  }

  /** A verified event, or why the delivery is refused. */
  public sealed interface Verdict permits Verified, Refused {}

  /** The payload is a correctly signed, timely Stripe event. */
  public record Verified(Event event) implements Verdict {}

  /** The payload is refused; {@code outcome} is one of the 400 outcomes. */
  public record Refused(WebhookOutcome outcome, String detail) implements Verdict {}

  public Verdict verify(@Nullable String payload, @Nullable String signatureHeader) {
    if (signatureHeader == null || signatureHeader.isBlank()) {
      return new Refused(WebhookOutcome.UNSIGNED, "no Stripe-Signature header");
    }
    if (payload == null) {
      return new Refused(WebhookOutcome.MALFORMED_PAYLOAD, "no body");
    }
    Event event;
    try {
      event = Webhook.constructEvent(payload, signatureHeader, secret, toleranceSeconds, clock);
    } catch (SignatureVerificationException e) {
      return refusal(e);
    } catch (RuntimeException e) {
      // Signed by Stripe's secret yet unparsable: Gson's exceptions, whatever their type.
      return new Refused(WebhookOutcome.MALFORMED_PAYLOAD, "not a Stripe event: not JSON");
    }
    if (event == null || isBlank(event.getId()) || isBlank(event.getType())) {
      return new Refused(WebhookOutcome.MALFORMED_PAYLOAD, "not a Stripe event: no id or type");
    }
    return new Verified(event);
  }

  private static Refused refusal(SignatureVerificationException e) {
    String message = String.valueOf(e.getMessage());
    if (message.startsWith(SDK_STALE)) {
      return new Refused(WebhookOutcome.STALE_TIMESTAMP, "signed timestamp outside the tolerance");
    }
    if (message.startsWith(SDK_NO_V1)) {
      return new Refused(WebhookOutcome.UNSIGNED, "no v1 signature in Stripe-Signature");
    }
    return new Refused(WebhookOutcome.BAD_SIGNATURE, "no signature matches the payload");
  }

  private static boolean isBlank(@Nullable String value) {
    return value == null || value.isBlank();
  }
}
