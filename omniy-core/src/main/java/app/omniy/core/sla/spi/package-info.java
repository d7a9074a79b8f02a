/**
 * What storage adapters implement for the SLA ledger: {@link app.omniy.core.sla.spi.DowntimeStore}.
 * Every implementation runs the contract suite {@code
 * app.omniy.testkit.contract.DowntimeStoreContract} from {@code omniy-testkit} on its real backend.
 */
@NullMarked
package app.omniy.core.sla.spi;

import org.jspecify.annotations.NullMarked;
