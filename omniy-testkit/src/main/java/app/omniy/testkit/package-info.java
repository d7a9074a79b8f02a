/**
 * Test support for host applications and Omniy's own modules: a settable clock, the
 * Firestore-emulator JUnit extension and, as the SPIs arrive, one contract suite per SPI.
 */
@NullMarked
package app.omniy.testkit;

import org.jspecify.annotations.NullMarked;
