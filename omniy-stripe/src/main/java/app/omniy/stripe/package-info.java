/**
 * Stripe on the official stripe-java SDK: {@link app.omniy.stripe.StripeWebhooks} turns a webhook
 * delivery (raw body and {@code Stripe-Signature}) into the HTTP status to answer, processing each
 * event once; {@link app.omniy.stripe.SubscriptionStatuses} keeps subscription state right whatever
 * the delivery order; {@link app.omniy.stripe.ServiceCredits} applies the SLA credit the core
 * assessed ({@link app.omniy.core.sla.ServiceCredit}, SLA-6, SLA-7) to a customer's Stripe balance
 * exactly once per month. Both record what they did through the SPIs of {@code
 * app.omniy.core.billing.spi}.
 */
@NullMarked
package app.omniy.stripe;

import org.jspecify.annotations.NullMarked;
