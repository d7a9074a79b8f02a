/**
 * Support deadlines (SUP-1 … SUP-3): first-response targets per priority on a business calendar of
 * weekdays 09:00–18:00 JST without Japanese public holidays, computed by the holiday law.
 */
@NullMarked
package app.omniy.core.support;

import org.jspecify.annotations.NullMarked;
