/**
 * One contract suite per SPI: abstract JUnit 5 classes that an implementation's test extends,
 * supplying a fresh instance on its real backend.
 */
@NullMarked
package app.omniy.testkit.contract;

import org.jspecify.annotations.NullMarked;
