/** Implementation details of the runtime; may change in any release. */
@NullMarked
package app.omniy.runtime.internal;

import org.jspecify.annotations.NullMarked;
