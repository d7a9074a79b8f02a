/** The detector's bounded per-key state; not API. */
@NullMarked
package app.omniy.core.security.internal;

import org.jspecify.annotations.NullMarked;
