/**
 * Alert rules and what they produce (ALERT-1 … ALERT-6): a rule model with the guide's default set,
 * alert keys, phases, acknowledgements and events. The evaluator that runs the rules is in {@code
 * app.omniy.core.alert.evaluator}, above this model and the SPI in {@code
 * app.omniy.core.alert.spi}; it returns events, and sending them is the runtime's job.
 */
@NullMarked
package app.omniy.core.alert;

import org.jspecify.annotations.NullMarked;
