/**
 * The encrypted configuration backup (BAK-4): every change of the configuration and secrets the
 * host registers is written encrypted with AES-GCM under a key the host supplies, kept six months,
 * listable and restorable, with any tampering detected.
 */
@NullMarked
package app.omniy.ops.backup;

import org.jspecify.annotations.NullMarked;
