/**
 * The running service: {@link app.omniy.runtime.Omniy}'s builder assembles the dispatch loop, the
 * meters, the health report, the alert and incident engines and the maintenance scheduler on the
 * core's rules and the host's stores, publisher and notifiers.
 */
@NullMarked
package app.omniy.runtime;

import org.jspecify.annotations.NullMarked;
