/**
 * What happens after an attempt (POST-5, POST-6, POST-7): the outcome's class, the durable retry
 * level with its back-off and the missed window, and why a retry of an unknown fate is refused.
 */
@NullMarked
package app.omniy.core.retry;

import org.jspecify.annotations.NullMarked;
