/**
 * SLA file formats: the downtime file operators keep (YAML) and the JSON form of credits and
 * monthly reports (SLA-8).
 */
@NullMarked
package app.omniy.ops.sla;

import org.jspecify.annotations.NullMarked;
