/** What a host or Omniy's maintenance jobs provide to the runtime, e.g. {@link LastBackup}. */
@NullMarked
package app.omniy.ops.spi;

import org.jspecify.annotations.NullMarked;
