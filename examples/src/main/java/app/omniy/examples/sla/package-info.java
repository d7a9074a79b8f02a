/** Embedding the SLA ledger: monthly availability, credits and the report (SLA-1 … SLA-8). */
@NullMarked
package app.omniy.examples.sla;

import org.jspecify.annotations.NullMarked;
