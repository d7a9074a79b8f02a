package app.omniy.instagram;

import app.omniy.core.InvalidValueException;
import app.omniy.core.post.spi.OutcomeClass;
import app.omniy.core.post.spi.PublisherResult;
import app.omniy.instagram.GraphApiConfig.Flavour;
import app.omniy.instagram.internal.ErrorClassifier;
import app.omniy.instagram.internal.GraphResponse;
import app.omniy.instagram.spi.AccessToken;
import app.omniy.instagram.spi.AccessTokens;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands out each account's token, refreshing a long-lived token when it is close to expiry. A token
 * that is gone, expired or refused marks the account for re-authorisation (POST-4, POST-11). Tokens
 * and the app secret are never logged and never put in a URL:
 *
 * <ul>
 *   <li>Instagram Login: {@code GET /refresh_access_token?grant_type=ig_refresh_token}, the token
 *       in the {@code Authorization} header. Meta documents this endpoint as a GET only, with the
 *       token as the {@code access_token} query parameter; the header keeps it out of the URL.
 *   <li>Facebook Login: {@code POST /{version}/oauth/access_token} with {@code grant_type=
 *       fb_exchange_token}, the app's id and secret and the token in a form-encoded body.
 * </ul>
 */
final class TokenSource {
  private static final Logger LOG = LoggerFactory.getLogger(TokenSource.class);

  /** A refreshed long-lived token's life when the answer does not say (Meta: 60 days). */
  private static final Duration DEFAULT_EXPIRY = Duration.ofDays(60);

  /** The longest life a refresh answer may claim; more is a broken answer, not a token. */
  private static final Duration LONGEST_EXPIRY = Duration.ofDays(366);

  private final AccessTokens tokens;
  private final GraphClient client;
  private final Flavour flavour;
  private final Duration refreshWindow;
  private final @Nullable String appId;
  private final @Nullable String appSecret;

  public TokenSource(
      AccessTokens tokens,
      GraphClient client,
      Flavour flavour,
      Duration refreshWindow,
      @Nullable String appId,
      @Nullable String appSecret) {
    this.tokens = tokens;
    this.client = client;
    this.flavour = flavour;
    this.refreshWindow = refreshWindow;
    this.appId = appId;
    this.appSecret = appSecret;
  }

  /** The token to call with, or the failed result to return instead of calling. */
  public Result tokenFor(String accountId, Instant now) {
    return tokenFor(accountId, now, true);
  }

  /**
   * The token to call with, or the failed result to return instead of calling; refreshed when close
   * to expiry only if {@code mayRefresh} (a publish makes no other request than its own, so that
   * its duration is one request timeout, POST-7; the token is still valid, and the next call
   * refreshes it).
   */
  public Result tokenFor(String accountId, Instant now, boolean mayRefresh) {
    Optional<AccessToken> current = tokens.current(accountId);
    if (current.isEmpty()) {
      return reauthorise(accountId, "no access token for the account");
    }
    AccessToken token = current.get();
    if (!token.expiresAt().isAfter(now)) {
      return reauthorise(accountId, "the access token expired at " + token.expiresAt());
    }
    if (!mayRefresh || Duration.between(now, token.expiresAt()).compareTo(refreshWindow) > 0) {
      return new Result(token.value(), null);
    }
    GraphResponse refreshed = refresh(token);
    AccessToken fresh =
        refreshed instanceof GraphResponse.Ok ok ? freshToken(accountId, ok.body(), now) : null;
    if (fresh != null) {
      tokens.refreshed(accountId, fresh);
      LOG.debug(
          "refreshed the access token of account {}, now valid until {}",
          accountId,
          fresh.expiresAt());
      return new Result(fresh.value(), null);
    }
    if (refreshed instanceof GraphResponse.Failed failed
        && ErrorClassifier.classify(failed.error()) == OutcomeClass.AUTH) {
      return reauthorise(accountId, "token refresh refused: " + failed.error().describe());
    }
    // A refresh that could not be done now (no answer, 5xx, no app credentials) is tried again on
    // the next call; the current token still works until it expires.
    return new Result(token.value(), null);
  }

  /**
   * The token a refresh answer carries, or null when the answer holds none that can be used: no
   * text {@code access_token}, one that cannot travel in a header, or an {@code expires_in} that is
   * not a number of seconds from 1 to {@link #LONGEST_EXPIRY}. The current token is kept then, as
   * after a refresh that failed (found by GraphApiResponseFuzzTest: a blank token threw).
   */
  private static @Nullable AccessToken freshToken(String accountId, JsonNode body, Instant now) {
    JsonNode value = body.get("access_token");
    JsonNode expiresIn = body.get("expires_in");
    long seconds =
        expiresIn == null || expiresIn.isNull()
            ? DEFAULT_EXPIRY.toSeconds()
            : expiresIn.isIntegralNumber() && expiresIn.canConvertToLong() ? expiresIn.asLong() : 0;
    if (value != null
        && value.isTextual()
        && seconds >= 1
        && seconds <= LONGEST_EXPIRY.toSeconds()) {
      try {
        return new AccessToken(value.asText(), now.plusSeconds(seconds));
      } catch (InvalidValueException unusable) {
        // falls through to the warning: the message never holds the token
      }
    }
    LOG.warn(
        "the token refresh for account {} answered no usable token; the current one is kept",
        accountId);
    return null;
  }

  /** Called when the API refused a token during a call. */
  public void refused(String accountId, String reason) {
    LOG.warn("account {} needs re-authorisation: {}", accountId, reason);
    tokens.needsReauthorisation(accountId, reason);
  }

  private GraphResponse refresh(AccessToken token) {
    if (flavour == Flavour.INSTAGRAM_LOGIN) {
      return client.getUnversioned(
          "refresh_access_token", Map.of("grant_type", "ig_refresh_token"), token.value());
    }
    if (appId == null || appSecret == null) {
      return new GraphResponse.NoAnswer("no Facebook app credentials to exchange the token with");
    }
    // A form POST, not the GET with a query string Meta's page shows: the app secret and the token
    // must not stand in a URL, where access logs, proxies and error messages keep them. The token
    // endpoint takes its parameters in a form body as OAuth 2.0 token endpoints do.
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "fb_exchange_token");
    form.put("client_id", appId);
    form.put("client_secret", appSecret);
    form.put("fb_exchange_token", token.value());
    return client.postRepeatable("oauth/access_token", form, null);
  }

  private Result reauthorise(String accountId, String reason) {
    refused(accountId, reason);
    return new Result(null, PublisherResult.failure(OutcomeClass.AUTH, "190", reason));
  }

  /**
   * Either a token or the failure to report.
   *
   * @param token the token, or {@code null} when the call must not be made
   * @param failure the result to return instead, or {@code null}
   */
  public record Result(@Nullable String token, @Nullable PublisherResult<?> failure) {}
}
