/**
 * Alert rules as data (ALERT-4): rule files shaped like the operations guide's YAML, a holder that
 * reloads them and keeps the previous rules when a new file is bad, and sample files to replay.
 */
@NullMarked
package app.omniy.ops.alerts;

import org.jspecify.annotations.NullMarked;
