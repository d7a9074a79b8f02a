/** Stripe webhooks and service credits applied through Stripe. */
@NullMarked
package app.omniy.stripe;

import org.jspecify.annotations.NullMarked;
