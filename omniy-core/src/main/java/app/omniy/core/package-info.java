/** Omniy's core API: values, rules and the exceptions they throw. */
@NullMarked
package app.omniy.core;

import org.jspecify.annotations.NullMarked;
