package app.omniy.ops.security;

import app.omniy.core.InvalidValueException;

/**
 * A TLS endpoint to check: a host name or address and a port.
 *
 * @param host a DNS name (sent as SNI and verified against the certificate) or an IP address
 * @param port 1–65535
 */
public record TlsEndpoint(String host, int port) {

  /**
   * @throws InvalidValueException when the host is blank or the port out of range
   */
  public TlsEndpoint {
    if (host == null || host.isBlank()) {
      throw new InvalidValueException("host", host, "must not be blank");
    }
    if (port < 1 || port > 65_535) {
      throw new InvalidValueException("port", port, "must be between 1 and 65535");
    }
  }

  /**
   * Parses {@code host:port}, or {@code host} alone for port 443; an IPv6 address goes in brackets,
   * {@code [2001:db8::1]:8443}.
   *
   * @throws InvalidValueException naming {@code endpoint} when the text is not of that shape
   */
  public static TlsEndpoint parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidValueException("endpoint", text, "must be host:port");
    }
    String s = text.strip();
    int colon = s.lastIndexOf(':');
    boolean bracketed = s.startsWith("[");
    if (bracketed ? colon < s.indexOf(']') : colon < 0) {
      return new TlsEndpoint(bracketed ? unbracket(s, s.length()) : s, 443);
    }
    String host = bracketed ? unbracket(s, colon) : s.substring(0, colon);
    try {
      return new TlsEndpoint(host, Integer.parseInt(s.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw new InvalidValueException("endpoint", text, "the port must be a number");
    }
  }

  private static String unbracket(String s, int end) {
    if (s.charAt(end - 1) != ']') {
      throw new InvalidValueException("endpoint", s, "an IPv6 address needs a closing ']'");
    }
    return s.substring(1, end - 1);
  }

  @Override
  public String toString() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
