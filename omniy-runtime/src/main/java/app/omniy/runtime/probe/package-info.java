/**
 * Uptime measured from outside the request path (SLA-5): the built-in HTTP prober ({@link
 * app.omniy.runtime.probe.HttpProber}), run by one runtime per interval under a job lease; the
 * importer of the external monitor's logs ({@link app.omniy.runtime.probe.UptimeRobotImporter});
 * and the dead-man's switch ({@link app.omniy.runtime.probe.Heartbeat}) that lets an outside
 * service page when this process goes silent. All three use the JDK's {@code java.net.http} client,
 * each call bounded by its own timeout, and count what they did in a Micrometer registry.
 */
@NullMarked
package app.omniy.runtime.probe;

import org.jspecify.annotations.NullMarked;
