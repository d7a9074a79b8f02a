/**
 * One contract suite per SPI of {@code omniy-core}: an abstract JUnit 5 class that an
 * implementation's test extends with a factory for a fresh, empty instance on its real backend.
 */
@NullMarked
package app.omniy.testkit.contract;

import org.jspecify.annotations.NullMarked;
