package app.omniy.runtime.probe;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.sla.SlaTarget;
import java.net.URI;
import java.util.Locale;

/**
 * One URL the {@link HttpProber} checks (SLA-5): a {@code GET} that must answer {@code
 * expectedStatus} (after following redirects) within the prober's timeout. A failed probe is
 * downtime of {@code slaTarget}.
 *
 * @param name a short stable name, the {@code probe} tag of {@code omniy.probes} and the note of
 *     its downtime periods, e.g. {@code web}; letters, digits, {@code .}, {@code _} and {@code -}
 * @param url an {@code http} or {@code https} URL
 * @param expectedStatus the status a healthy answer has, 100 to 599 (default 200)
 * @param slaTarget what its failures count against (default {@code system}; an API health URL may
 *     count against {@code core-api} only)
 */
public record ProbeTarget(String name, URI url, int expectedStatus, SlaTarget slaTarget) {

  /**
   * @throws InvalidValueException naming the field that is missing or malformed
   */
  public ProbeTarget {
    Require.nonBlank(name, "name");
    if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new InvalidValueException(
          "name", name, "must be 1 to 64 letters, digits, '.', '_' or '-'");
    }
    Require.nonNull(url, "url");
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
      throw new InvalidValueException("url", url, "must be an http or https URL with a host");
    }
    Require.inRange(expectedStatus, 100, 599, "expectedStatus");
    Require.nonNull(slaTarget, "slaTarget");
  }

  /** {@code url}, expecting 200, counted against the whole system. */
  public static ProbeTarget of(String name, URI url) {
    return new ProbeTarget(name, url, 200, SlaTarget.SYSTEM);
  }

  /** This target expecting {@code status} instead. */
  public ProbeTarget expecting(int status) {
    return new ProbeTarget(name, url, status, slaTarget);
  }

  /** This target counting its failures against {@code target} instead. */
  public ProbeTarget against(SlaTarget target) {
    return new ProbeTarget(name, url, expectedStatus, target);
  }
}
