package app.omniy.ops.security;

import java.time.Instant;

/**
 * The leaf certificate an endpoint presented.
 *
 * @param subject the subject's distinguished name, e.g. {@code CN=omniy.app}
 * @param issuer the issuer's distinguished name
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param daysLeft whole days from the check until {@code notAfter}, rounded down; negative once
 *     expired ({@code -1} within the first day after expiry)
 */
public record CertificateInfo(
    String subject, String issuer, Instant notBefore, Instant notAfter, long daysLeft) {}
