/** A Stripe webhook endpoint in a host application, exercised against a local fake of Stripe. */
@NullMarked
package app.omniy.examples.billing;

import org.jspecify.annotations.NullMarked;
