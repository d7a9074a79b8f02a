/**
 * What adapters implement for alerts, in terms of the rule model of {@code app.omniy.core.alert}: a
 * store of alert state, so that several runtimes sharing one store notify once (ALERT-2; contract
 * suite {@code app.omniy.testkit.contract.AlertStateStoreContract}), notifiers for the channels,
 * and sources of rules that can change while the runtime runs.
 */
@NullMarked
package app.omniy.core.alert.spi;

import org.jspecify.annotations.NullMarked;
