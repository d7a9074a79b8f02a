/**
 * Omniy's runtime: the pieces that wire the core and the adapters into a running service, and the
 * file formats (YAML and JSON, through Jackson) its configuration is read from.
 */
@NullMarked
package app.omniy.ops;

import org.jspecify.annotations.NullMarked;
