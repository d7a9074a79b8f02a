/**
 * Contract suites, one per SPI of {@code omniy-core}: abstract JUnit 5 classes an implementation's
 * test extends with a factory for a fresh, empty instance on its real backend, so every store and
 * adapter is held to the same behaviour (STYLE 5). The in-memory implementations and {@link
 * app.omniy.testkit.ScriptedPublisher} run them here; the Firestore stores and the Instagram
 * adapter in their modules.
 */
@NullMarked
package app.omniy.testkit.contract;

import org.jspecify.annotations.NullMarked;
