package app.omniy.ops.security;

import org.jspecify.annotations.Nullable;

/**
 * The result of checking one endpoint's TLS certificate (MNT-1, 05:00 security scan).
 *
 * @param endpoint what was checked
 * @param status the verdict
 * @param certificate the leaf certificate presented; {@code null} when none was received
 * @param problem what went wrong, in words: why the endpoint was unreachable, why the handshake
 *     failed, or why the certificate is not trusted; {@code null} when nothing did
 */
public record CertificateCheck(
    TlsEndpoint endpoint,
    Status status,
    @Nullable CertificateInfo certificate,
    @Nullable String problem) {

  /** The verdict on one endpoint, worst first. */
  public enum Status {
    /** No TCP connection: unknown host, refused, timed out. */
    UNREACHABLE,
    /** Connected, but the TLS handshake failed (not TLS, no common protocol or cipher…). */
    HANDSHAKE_FAILED,
    /** The certificate's end of validity has passed. */
    EXPIRED,
    /** The certificate expires within the threshold. */
    EXPIRING,
    /** The certificate does not chain to a trusted root or does not match the host name. */
    UNTRUSTED,
    /** Trusted, and valid for longer than the threshold. */
    VALID
  }

  /** Whether this result is a finding of the scan: anything but {@link Status#VALID}. */
  public boolean finding() {
    return status != Status.VALID;
  }

  /**
   * One line for the scan report, e.g. {@code 127.0.0.1:8443 EXPIRING: 10 days left (until
   * 2026-03-12T09:00:00Z), CN=localhost issued by CN=Omniy Test CA}.
   */
  public String describe() {
    StringBuilder line = new StringBuilder(endpoint + " " + status);
    if (certificate != null) {
      line.append(": ")
          .append(days(certificate.daysLeft()))
          .append(" (until ")
          .append(certificate.notAfter())
          .append("), ")
          .append(certificate.subject())
          .append(" issued by ")
          .append(certificate.issuer());
    }
    if (problem != null) {
      line.append(certificate == null ? ": " : "; ").append(problem);
    }
    return line.toString();
  }

  private static String days(long left) {
    if (left < 0) {
      return "expired " + -left + (left == -1 ? " day ago" : " days ago");
    }
    return left + (left == 1 ? " day left" : " days left");
  }
}
