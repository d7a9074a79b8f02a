/**
 * Incidents (INC-1 … INC-3): severities and their deadlines, the timeline, breaches, the Sev1
 * escalation, the downtime an incident feeds to the SLA ledger, and the RCA document.
 */
@NullMarked
package app.omniy.core.incident;

import org.jspecify.annotations.NullMarked;
