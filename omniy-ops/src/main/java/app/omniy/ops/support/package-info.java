/**
 * Support in the runtime (SUP-1): {@link app.omniy.ops.support.OverdueTickets}, the breach check
 * that feeds the SUP-1 alert rule from a {@code SupportTicketStore}.
 */
@NullMarked
package app.omniy.ops.support;

import org.jspecify.annotations.NullMarked;
