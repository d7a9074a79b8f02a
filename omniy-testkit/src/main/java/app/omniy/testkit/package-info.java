/**
 * Test support for host applications and Omniy's own modules: a settable clock, the
 * Firestore-emulator JUnit extension, a fake Instagram Graph API over real HTTP ({@link
 * app.omniy.testkit.graph.FakeGraphApi}), a {@link app.omniy.testkit.ScriptedPublisher} standing in
 * for Instagram in-process, {@link app.omniy.testkit.Await} for waiting on other threads, and (in
 * {@code app.omniy.testkit.contract}) one contract suite per SPI. The settable clock, the scripted
 * publisher, the sample posts and the manual dispatcher come from omniy-core's test fixtures
 * ({@code app.omniy:omniy-core:test-fixtures}), on which this module depends.
 */
@NullMarked
package app.omniy.testkit;

import org.jspecify.annotations.NullMarked;
