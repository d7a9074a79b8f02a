/** The {@code omniy} command-line runner: the local trial and the operator's tools. */
@NullMarked
package app.omniy.examples.cli;

import org.jspecify.annotations.NullMarked;
