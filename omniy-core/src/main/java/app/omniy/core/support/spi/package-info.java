/**
 * What storage adapters implement for support (SUP-1 … SUP-3): {@link
 * app.omniy.core.support.spi.SupportTicketStore}.
 */
@NullMarked
package app.omniy.core.support.spi;

import org.jspecify.annotations.NullMarked;
