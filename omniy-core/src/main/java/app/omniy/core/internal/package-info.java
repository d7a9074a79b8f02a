/** Implementation details of the core; not exported, may change in any release. */
@NullMarked
package app.omniy.core.internal;

import org.jspecify.annotations.NullMarked;
