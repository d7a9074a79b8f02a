/**
 * The built-in checks of the 05:00 security scan (MNT-1): TLS certificate expiry of configured
 * endpoints, and the login monitor that turns login-anomaly findings into the meter ALERT-I3 reads.
 * {@link app.omniy.ops.security.SecurityScan} runs both and reports the findings.
 */
@NullMarked
package app.omniy.ops.security;

import org.jspecify.annotations.NullMarked;
