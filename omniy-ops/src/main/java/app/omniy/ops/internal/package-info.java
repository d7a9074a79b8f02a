/** Implementation details of the ops module; may change in any release. */
@NullMarked
package app.omniy.ops.internal;

import org.jspecify.annotations.NullMarked;
