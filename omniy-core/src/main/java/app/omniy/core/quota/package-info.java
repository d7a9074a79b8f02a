/**
 * Instagram's publishing limits (POST-3): the policy that decides whether a post may go now, and
 * the per-account ledger of what each account used, shared by every runtime on one store.
 */
@NullMarked
package app.omniy.core.quota;

import org.jspecify.annotations.NullMarked;
