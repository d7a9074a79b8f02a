/** Embedding Omniy in a host application: the runtime, its alerts and incidents, wired by hand. */
@NullMarked
package app.omniy.examples.embedding;

import org.jspecify.annotations.NullMarked;
