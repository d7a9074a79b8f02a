/**
 * Test support for host applications and Omniy's own modules: a settable clock, the
 * Firestore-emulator JUnit extension and one contract suite per SPI ({@code contract}).
 */
@NullMarked
package app.omniy.testkit;

import org.jspecify.annotations.NullMarked;
