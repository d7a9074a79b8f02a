/** What the operations tasks write through: {@link app.omniy.ops.spi.ReportSink}. */
@NullMarked
package app.omniy.ops.spi;

import org.jspecify.annotations.NullMarked;
