/** Implementation of alert evaluation; not exported, may change in any release. */
@NullMarked
package app.omniy.core.alert.internal;

import org.jspecify.annotations.NullMarked;
