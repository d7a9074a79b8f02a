/**
 * The local trial: the real dispatcher, Instagram adapter and post rules over simulated time,
 * against the test kit's fake Graph API. Also an example of embedding those parts.
 */
@NullMarked
package app.omniy.examples.trial;

import org.jspecify.annotations.NullMarked;
