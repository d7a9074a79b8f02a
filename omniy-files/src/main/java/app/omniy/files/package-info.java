/**
 * Every file Omniy reads or writes, read strictly through Jackson: configuration (YAML or JSON),
 * alert rule files and their samples, downtime files, post files and the SLA's JSON. Problems are
 * {@link app.omniy.files.InvalidFileException}s naming file, line and field.
 */
@NullMarked
package app.omniy.files;

import org.jspecify.annotations.NullMarked;
