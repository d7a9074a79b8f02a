/**
 * Billing records that must survive restarts: which payment-provider events were processed and
 * which service credits (SLA-6, SLA-7) were applied, with in-memory defaults for tests and
 * single-process hosts. Adapters such as omniy-firestore implement the SPIs in {@code spi}; the
 * contract suites in omniy-testkit say what every implementation must do.
 */
@NullMarked
package app.omniy.core.billing;

import org.jspecify.annotations.NullMarked;
