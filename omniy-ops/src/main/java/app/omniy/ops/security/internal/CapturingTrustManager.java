package app.omniy.ops.security.internal;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.jspecify.annotations.Nullable;

/**
 * Lets a handshake finish whatever the server's certificate, keeping the chain and what the real
 * trust manager said about it. An expiry check must see an expired or untrusted certificate to
 * report it; refusing the handshake would report only "handshake failed". Used for checking, never
 * for sending data.
 */
public final class CapturingTrustManager extends X509ExtendedTrustManager {
  private final X509ExtendedTrustManager delegate;
  private X509Certificate @Nullable [] chain;
  private @Nullable String problem;

  public CapturingTrustManager(X509ExtendedTrustManager delegate) {
    this.delegate = delegate;
  }

  /** The chain the server presented, leaf first; {@code null} before one arrived. */
  public X509Certificate @Nullable [] chain() {
    return chain == null ? null : Arrays.copyOf(chain, chain.length);
  }

  /** Why the real trust manager rejected the chain; {@code null} when it trusted it. */
  public @Nullable String problem() {
    return problem;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
    this.chain = chain.clone();
    try {
      delegate.checkServerTrusted(chain, authType, socket);
    } catch (CertificateException e) {
      problem = describe(e);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
    this.chain = chain.clone();
    try {
      delegate.checkServerTrusted(chain, authType, engine);
    } catch (CertificateException e) {
      problem = describe(e);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) {
    this.chain = chain.clone();
    try {
      delegate.checkServerTrusted(chain, authType);
    } catch (CertificateException e) {
      problem = describe(e);
    }
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    throw new CertificateException("a certificate check never acts as a server");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    throw new CertificateException("a certificate check never acts as a server");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException("a certificate check never acts as a server");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return delegate.getAcceptedIssuers();
  }

  /** The innermost cause's message: PKIX wraps the useful sentence several levels deep. */
  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return "not trusted: " + (message == null ? root.getClass().getSimpleName() : message);
  }
}
