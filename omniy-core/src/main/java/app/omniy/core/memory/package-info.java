/**
 * Every store SPI in memory, for one process (tests, trials, a single-instance host): start from
 * {@link app.omniy.core.memory.InMemoryStores}. Each passes the same contract suite as the
 * Firestore stores.
 */
@NullMarked
package app.omniy.core.memory;

import org.jspecify.annotations.NullMarked;
