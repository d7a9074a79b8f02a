/**
 * What a storage adapter implements so that webhooks are processed once ({@link
 * app.omniy.core.billing.spi.ProcessedEventStore}) and service credits applied once ({@link
 * app.omniy.core.billing.spi.AppliedCreditStore}). Each has a contract suite in omniy-testkit
 * ({@code app.omniy.testkit.contract}) that an implementation runs on its real backend.
 */
@NullMarked
package app.omniy.core.billing.spi;

import org.jspecify.annotations.NullMarked;
