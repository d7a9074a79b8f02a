/** The backup file format and names; not API. */
@NullMarked
package app.omniy.ops.backup.internal;

import org.jspecify.annotations.NullMarked;
