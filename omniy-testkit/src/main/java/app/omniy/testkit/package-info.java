/**
 * Test support for host applications and Omniy's own modules: a settable clock, the
 * Firestore-emulator JUnit extension, a fake Instagram Graph API over real HTTP ({@link
 * app.omniy.testkit.graph.FakeGraphApi} in {@code app.omniy.testkit.graph}), a {@link
 * app.omniy.testkit.ScriptedPublisher} standing in for Instagram in-process, and (in {@code
 * app.omniy.testkit.contract}) one contract suite per SPI.
 */
@NullMarked
package app.omniy.testkit;

import org.jspecify.annotations.NullMarked;
