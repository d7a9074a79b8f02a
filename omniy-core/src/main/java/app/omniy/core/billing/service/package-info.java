/**
 * Service credits on request, as the guide says (SLA-6, SLA-7, SLA-8): {@link
 * app.omniy.core.billing.service.CreditDesk} closes each month on the 1st (JST) with its SLA report
 * and the credit every customer could claim, and takes the customers' claims, applying each credit
 * once through a {@link app.omniy.core.billing.spi.CreditApplier} (omniy-stripe) or only recording
 * it. It sits above the SLA ledger, the billing records and the SPIs it is given implementations
 * of.
 */
@NullMarked
package app.omniy.core.billing.service;

import org.jspecify.annotations.NullMarked;
