/**
 * Service levels and service credits (SLA-1 … SLA-8): availability from downtime, credit tiers,
 * credit amounts and eligibility. Exact decimals throughout; never {@code double}.
 */
@NullMarked
package app.omniy.core.sla;

import org.jspecify.annotations.NullMarked;
