/**
 * Contract suites, one per SPI: abstract JUnit 5 classes an implementation extends with a factory
 * method, so every store and adapter is held to the same behaviour (STYLE 5). Run by the in-memory
 * store and {@link app.omniy.testkit.ScriptedPublisher} here; by the Firestore store and the
 * Instagram adapter in their modules.
 */
@NullMarked
package app.omniy.testkit.contract;

import org.jspecify.annotations.NullMarked;
