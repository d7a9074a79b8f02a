/** Alert rules loaded from a YAML file shaped like the operations guide's (ALERT-4). */
@NullMarked
package app.omniy.examples.alerts;

import org.jspecify.annotations.NullMarked;
