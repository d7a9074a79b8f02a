package app.omniy.ops.security;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.ops.security.CertificateCheck.Status;
import app.omniy.ops.security.internal.CapturingTrustManager;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.jspecify.annotations.Nullable;

/**
 * Checks the TLS certificates of configured endpoints (MNT-1: the 05:00 scan's "SSL証明書有効期限確認"). For
 * each endpoint it connects, completes a handshake, and reports the leaf certificate's subject,
 * issuer and whole days left, or the error that stopped it (unreachable, handshake failed). A
 * certificate expiring within the threshold (default {@link #DEFAULT_THRESHOLD}, 30 days; exactly
 * 30 days left is within) is a finding, as are expired, untrusted and unreachable endpoints.
 *
 * <pre>{@code
 * TlsCertificateCheck tls = TlsCertificateCheck.builder(clock)
 *     .endpoint("omniy.app:443")
 *     .endpoint("api.omniy.app:443")
 *     .build();
 * for (CertificateCheck result : tls.run()) {
 *   System.out.println(result.describe());
 * }
 * }</pre>
 *
 * <p>An expired or untrusted certificate does not abort the handshake: the check must see it to
 * report it. Trust is still judged, by the platform's trust store or the one given to {@link
 * Builder#trustStore}, with host-name verification, and reported as {@link Status#UNTRUSTED}. Days
 * are counted from the injected clock's instant. Endpoints are checked one after the other, each
 * bounded by the timeout.
 */
public final class TlsCertificateCheck {
  /** The default warning threshold: 30 days before expiry. */
  public static final Duration DEFAULT_THRESHOLD = Duration.ofDays(30);

  /** The default connect and read timeout per endpoint: 10 seconds. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final Clock clock;
  private final List<TlsEndpoint> endpoints;
  private final Duration threshold;
  private final Duration timeout;
  private final X509ExtendedTrustManager platformTrust;

  private TlsCertificateCheck(Builder b) {
    this.clock = b.clock;
    this.endpoints = List.copyOf(b.endpoints);
    this.threshold = b.threshold;
    this.timeout = b.timeout;
    this.platformTrust = platformTrust(b.trustStore);
  }

  /**
   * A builder; days left are counted from {@code clock}.
   *
   * @throws InvalidValueException when {@code clock} is missing
   */
  public static Builder builder(Clock clock) {
    Require.nonNull(clock, "clock");
    return new Builder(clock);
  }

  /** The endpoints checked by {@link #run()}. */
  public List<TlsEndpoint> endpoints() {
    return endpoints;
  }

  /** The warning threshold. */
  public Duration threshold() {
    return threshold;
  }

  /** Checks every configured endpoint, in order. Never throws for a failing endpoint. */
  public List<CertificateCheck> run() {
    List<CertificateCheck> results = new ArrayList<>(endpoints.size());
    for (TlsEndpoint endpoint : endpoints) {
      results.add(check(endpoint));
    }
    return results;
  }

  /** Checks one endpoint. Never throws for a failing endpoint: the result says what failed. */
  public CertificateCheck check(TlsEndpoint endpoint) {
    CapturingTrustManager trust = new CapturingTrustManager(platformTrust);
    int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    try (Socket raw = new Socket()) {
      try {
        raw.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), millis);
      } catch (IOException e) {
        return new CertificateCheck(endpoint, Status.UNREACHABLE, null, unreachable(e));
      }
      raw.setSoTimeout(millis);
      handshake(raw, endpoint, trust);
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      return judge(endpoint, trust, "handshake failed: " + message(e));
    }
    return judge(endpoint, trust, null);
  }

  private static void handshake(Socket raw, TlsEndpoint endpoint, CapturingTrustManager trust)
      throws IOException, GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {trust}, null);
    // Passing the host makes the JDK send it as SNI when it is a name. Closing the TLS socket
    // closes the connection too: with autoClose off, close() would wait for the peer's
    // close_notify.
    try (SSLSocket socket =
        (SSLSocket)
            context.getSocketFactory().createSocket(raw, endpoint.host(), endpoint.port(), true)) {
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      socket.setSSLParameters(parameters);
      socket.startHandshake();
    }
  }

  /** The verdict, worst first; {@code handshakeError} is set when the handshake did not finish. */
  private CertificateCheck judge(
      TlsEndpoint endpoint, CapturingTrustManager trust, @Nullable String handshakeError) {
    X509Certificate[] chain = trust.chain();
    if (chain == null || chain.length == 0) {
      String problem = handshakeError != null ? handshakeError : "handshake failed: no certificate";
      return new CertificateCheck(endpoint, Status.HANDSHAKE_FAILED, null, problem);
    }
    String problem = handshakeError != null ? handshakeError : trust.problem();
    Instant now = clock.instant();
    X509Certificate leaf = chain[0];
    Instant notAfter = leaf.getNotAfter().toInstant();
    long daysLeft = Math.floorDiv(Duration.between(now, notAfter).getSeconds(), 86_400L);
    CertificateInfo info =
        new CertificateInfo(
            leaf.getSubjectX500Principal().getName(),
            leaf.getIssuerX500Principal().getName(),
            leaf.getNotBefore().toInstant(),
            notAfter,
            daysLeft);
    Status status;
    if (handshakeError != null) {
      status = Status.HANDSHAKE_FAILED;
    } else if (!notAfter.isAfter(now)) {
      status = Status.EXPIRED;
    } else if (!notAfter.isAfter(now.plus(threshold))) {
      status = Status.EXPIRING;
    } else if (problem != null) {
      status = Status.UNTRUSTED;
    } else {
      status = Status.VALID;
    }
    return new CertificateCheck(endpoint, status, info, problem);
  }

  private static X509ExtendedTrustManager platformTrust(@Nullable KeyStore trustStore) {
    try {
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trustStore);
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509ExtendedTrustManager) {
          return (X509ExtendedTrustManager) manager;
        }
      }
    } catch (GeneralSecurityException e) {
      throw new InvalidValueException("trustStore", null, "cannot be used: " + e.getMessage());
    }
    throw new InvalidValueException("trustStore", null, "has no X.509 trust manager");
  }

  private static String unreachable(IOException e) {
    if (e instanceof UnknownHostException) {
      return "unreachable: unknown host " + e.getMessage();
    }
    if (e instanceof SocketTimeoutException) {
      return "unreachable: connection timed out";
    }
    if (e instanceof ConnectException) {
      return "unreachable: connection refused";
    }
    return "unreachable: " + message(e);
  }

  private static String message(Exception e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  /** Builds a {@link TlsCertificateCheck}. */
  public static final class Builder {
    private final Clock clock;
    private final List<TlsEndpoint> endpoints = new ArrayList<>();
    private Duration threshold = DEFAULT_THRESHOLD;
    private Duration timeout = DEFAULT_TIMEOUT;
    private @Nullable KeyStore trustStore;

    private Builder(Clock clock) {
      this.clock = clock;
    }

    /**
     * Adds an endpoint as {@code host:port} ({@code host} alone means port 443).
     *
     * @throws InvalidValueException when the text is not of that shape
     */
    public Builder endpoint(String hostAndPort) {
      endpoints.add(TlsEndpoint.parse(hostAndPort));
      return this;
    }

    /** Adds an endpoint. */
    public Builder endpoint(TlsEndpoint endpoint) {
      Require.nonNull(endpoint, "endpoint");
      endpoints.add(endpoint);
      return this;
    }

    /** Expiry within this is a finding; defaults to 30 days. */
    public Builder threshold(Duration threshold) {
      if (threshold == null || threshold.isNegative()) {
        throw new InvalidValueException("threshold", threshold, "must not be negative");
      }
      this.threshold = threshold;
      return this;
    }

    /** Connect and read timeout per endpoint; defaults to 10 seconds. */
    public Builder timeout(Duration timeout) {
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw new InvalidValueException("timeout", timeout, "must be positive");
      }
      this.timeout = timeout;
      return this;
    }

    /** The roots to trust instead of the platform's (a private CA, or a test's). */
    public Builder trustStore(KeyStore trustStore) {
      Require.nonNull(trustStore, "trustStore");
      this.trustStore = trustStore;
      return this;
    }

    /**
     * @throws InvalidValueException when no endpoint was configured
     */
    public TlsCertificateCheck build() {
      if (endpoints.isEmpty()) {
        throw new InvalidValueException("endpoints", null, "at least one is required");
      }
      return new TlsCertificateCheck(this);
    }
  }
}
