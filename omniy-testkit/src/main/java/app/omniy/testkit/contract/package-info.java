/**
 * One contract suite per Omniy SPI: abstract JUnit 5 classes that an implementation's test extends,
 * supplying its store through a factory method, to prove it behaves as the SPI promises on its real
 * backend. Each test uses ids of its own, so a store shared across tests is fine.
 */
@NullMarked
package app.omniy.testkit.contract;

import org.jspecify.annotations.NullMarked;
