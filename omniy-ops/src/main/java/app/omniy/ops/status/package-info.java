/**
 * The public status page and the operator dashboard (KPI-2, INC-4): self-contained HTML pages with
 * inline CSS and inline SVG, no script and no external asset, rendered from plain records the host
 * fills. Every piece of text the host supplies is escaped.
 */
@NullMarked
package app.omniy.ops.status;

import org.jspecify.annotations.NullMarked;
