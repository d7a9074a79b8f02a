/**
 * Support in the runtime (SUP-1): {@link app.omniy.runtime.support.OverdueTickets}, the breach
 * check that feeds the SUP-1 alert rule from a {@code SupportTicketStore}.
 */
@NullMarked
package app.omniy.runtime.support;

import org.jspecify.annotations.NullMarked;
