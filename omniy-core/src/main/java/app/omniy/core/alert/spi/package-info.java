/**
 * What a store of alert state implements, so that several runtimes sharing one store notify once
 * (ALERT-2). The contract suite is {@code app.omniy.testkit.contract.AlertStateStoreContract}.
 */
@NullMarked
package app.omniy.core.alert.spi;

import org.jspecify.annotations.NullMarked;
