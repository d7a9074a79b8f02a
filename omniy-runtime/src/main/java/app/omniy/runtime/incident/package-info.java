/**
 * The incident runtime (INC-1 … INC-4): incidents opened from firing critical alerts or by hand,
 * their timeline and deadlines, breach notices and the Sev1 escalation through the alert notifiers,
 * downtime fed to the SLA ledger, mitigation hooks such as pausing publishing, and the RCA
 * document.
 */
@NullMarked
package app.omniy.runtime.incident;

import org.jspecify.annotations.NullMarked;
