package app.omniy.instagram;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Where and how the adapter talks to the Instagram Graph API.
 *
 * @param flavour which of the two Instagram APIs the account's token belongs to
 * @param baseUri the API's root; the flavour's host by default, a local fake server in tests. It
 *     must be {@code https}: every call carries a token. Plain {@code http} is accepted only to a
 *     loopback host ({@code 127.0.0.0/8}, {@code ::1}, {@code localhost}), for test servers
 * @param apiVersion the Graph API version, such as {@code v26.0} (configuration, not a literal:
 *     Meta retires versions about two years after release)
 * @param requestTimeout how long one HTTP call may take before it counts as failed
 * @param resilience the in-call retry and circuit-breaker settings (POST-5)
 */
public record GraphApiConfig(
    Flavour flavour,
    URI baseUri,
    String apiVersion,
    Duration requestTimeout,
    Resilience resilience) {

  /** The latest version Meta listed when this release was made (July 2026). */
  public static final String DEFAULT_API_VERSION = "v26.0";

  private static final Pattern VERSION = Pattern.compile("v\\d+\\.\\d+");

  private static final Pattern LOOPBACK_V4 =
      Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

  /** The two Instagram APIs; they differ in host, token and permission names. */
  public enum Flavour {
    /** Instagram API with Instagram Login: user tokens on {@code graph.instagram.com}. */
    INSTAGRAM_LOGIN("https://graph.instagram.com"),
    /** Instagram API with Facebook Login: page-linked tokens on {@code graph.facebook.com}. */
    FACEBOOK_LOGIN("https://graph.facebook.com");

    private final URI host;

    Flavour(String host) {
      this.host = URI.create(host);
    }

    /** The production root of this flavour's API. */
    public URI host() {
      return host;
    }
  }

  /**
   * Validates the configuration.
   *
   * @throws InvalidValueException naming the field that is missing or malformed
   */
  public GraphApiConfig {
    Require.nonNull(flavour, "flavour");
    if (baseUri == null || !baseUri.isAbsolute() || baseUri.getHost() == null) {
      throw new InvalidValueException("baseUri", baseUri, "must be an absolute http(s) URI");
    }
    if (!"https".equalsIgnoreCase(baseUri.getScheme())
        && !("http".equalsIgnoreCase(baseUri.getScheme()) && isLoopback(baseUri.getHost()))) {
      // Every call carries the account's token in its Authorization header (and a token exchange
      // the app secret): only TLS may carry them off this machine.
      throw new InvalidValueException(
          "baseUri",
          baseUri,
          "must use https; plain http only to a loopback host (127.0.0.0/8, ::1, localhost)");
    }
    if (apiVersion == null || !VERSION.matcher(apiVersion).matches()) {
      throw new InvalidValueException("apiVersion", apiVersion, "must look like v26.0");
    }
    if (requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new InvalidValueException("requestTimeout", requestTimeout, "must be positive");
    }
    Require.nonNull(resilience, "resilience");
  }

  /**
   * In-call resilience (POST-5, first level): reads are retried {@code readRetries} times within
   * seconds; writes never. The breaker opens when {@code breakerFailures} of the last {@code
   * breakerWindow} calls to the host failed (I/O error or 5xx), and lets a trial call through after
   * {@code breakerOpenFor}.
   *
   * @param readRetries retries of an idempotent read, 0 to 5
   * @param breakerFailures failures that open the breaker
   * @param breakerWindow calls the failures are counted over, at least {@code breakerFailures}
   * @param breakerOpenFor how long the breaker stays open
   */
  public record Resilience(
      int readRetries, int breakerFailures, int breakerWindow, Duration breakerOpenFor) {
    /** Two read retries; open after 10 failures in 20 calls, for 30 s. */
    public static final Resilience DEFAULT = new Resilience(2, 10, 20, Duration.ofSeconds(30));

    /**
     * @throws InvalidValueException naming the field that is out of range
     */
    public Resilience {
      if (readRetries < 0 || readRetries > 5) {
        throw new InvalidValueException("readRetries", readRetries, "must be 0 to 5");
      }
      if (breakerFailures < 1) {
        throw new InvalidValueException("breakerFailures", breakerFailures, "must be at least 1");
      }
      if (breakerWindow < breakerFailures) {
        throw new InvalidValueException(
            "breakerWindow",
            breakerWindow,
            "must be at least breakerFailures (" + breakerFailures + ")");
      }
      if (breakerOpenFor == null || breakerOpenFor.isNegative() || breakerOpenFor.isZero()) {
        throw new InvalidValueException("breakerOpenFor", breakerOpenFor, "must be positive");
      }
    }
  }

  /** A builder starting from the flavour's production host, the default version and 30 s. */
  public static Builder builder(Flavour flavour) {
    return new Builder(flavour);
  }

  /**
   * Whether {@code host} names this machine without a name lookup: {@code localhost}, an IPv4
   * literal in 127.0.0.0/8 or the IPv6 literal {@code ::1}.
   */
  private static boolean isLoopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (LOOPBACK_V4.matcher(host).matches()) {
      return Arrays.stream(host.split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255);
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      try {
        // A literal: parsed, never looked up.
        return InetAddress.getByName(host.substring(1, host.length() - 1)).isLoopbackAddress();
      } catch (UnknownHostException e) {
        return false;
      }
    }
    return false;
  }

  /** The URI of an API path under this configuration's base and version. */
  public URI endpoint(String path) {
    String base = baseUri.toString().replaceAll("/+$", "");
    String relative = path.startsWith("/") ? path.substring(1) : path;
    return URI.create(base + "/" + apiVersion + "/" + relative);
  }

  /** Builds a {@link GraphApiConfig}; every setter's value is checked in {@link #build()}. */
  public static final class Builder {
    private final Flavour flavour;
    private URI baseUri;
    private String apiVersion = DEFAULT_API_VERSION;
    private Duration requestTimeout = Duration.ofSeconds(30);
    private Resilience resilience = Resilience.DEFAULT;

    private Builder(Flavour flavour) {
      Require.nonNull(flavour, "flavour");
      this.flavour = flavour;
      this.baseUri = flavour.host();
    }

    /**
     * Points the adapter at another root, such as a fake server in tests: {@code https}, or plain
     * {@code http} to a loopback host only (checked in {@link #build()}).
     */
    public Builder baseUri(URI baseUri) {
      this.baseUri = baseUri;
      return this;
    }

    public Builder apiVersion(String apiVersion) {
      this.apiVersion = apiVersion;
      return this;
    }

    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = requestTimeout;
      return this;
    }

    public Builder resilience(Resilience resilience) {
      this.resilience = resilience;
      return this;
    }

    /**
     * @throws InvalidValueException naming the field that is missing or malformed
     */
    public GraphApiConfig build() {
      return new GraphApiConfig(flavour, baseUri, apiVersion, requestTimeout, resilience);
    }
  }
}
