package app.omniy.core.metrics;

import java.util.List;

/**
 * Every meter name the alert rules read, in one place (ALERT-6). Omniy's own meters are lowercase
 * dotted names under {@code omniy.}; the standard ones are those Micrometer's binders and Spring's
 * HTTP instrumentation register in the host application.
 *
 * <p>Units follow Micrometer: times in seconds, usages as ratios between 0 and 1 (so a rule's "80%"
 * is the threshold 0.80).
 */
public final class MetricNames {
  private MetricNames() {}

  // ---- standard meters of the host (Micrometer / Spring) ----

  /**
   * The host's standard HTTP server timer, tagged {@link #TAG_STATUS} and {@link #TAG_OUTCOME}
   * (ALERT-C1, ALERT-6).
   */
  public static final String HTTP_SERVER_REQUESTS = "http.server.requests";

  /** Recent CPU usage of the whole machine, 0–1 (Micrometer {@code ProcessorMetrics}; ALERT-W2). */
  public static final String SYSTEM_CPU_USAGE = "system.cpu.usage";

  /** Recent CPU usage of this JVM process, 0–1 (Micrometer {@code ProcessorMetrics}). */
  public static final String PROCESS_CPU_USAGE = "process.cpu.usage";

  /** Usable free bytes of a disk (Micrometer {@code DiskSpaceMetrics}, tag {@code path}). */
  public static final String DISK_FREE = "disk.free";

  /** Total bytes of a disk (Micrometer {@code DiskSpaceMetrics}, tag {@code path}). */
  public static final String DISK_TOTAL = "disk.total";

  // ---- Omniy's own meters ----

  /**
   * Share of disk space in use, 0–1, derived from {@link #DISK_FREE} and {@link #DISK_TOTAL} as
   * {@code 1 − free / total} by the metrics bridge (ALERT-W3).
   */
  public static final String DISK_USAGE = "omniy.disk.usage";

  /**
   * Publish attempts, tagged {@link #TAG_OUTCOME}: every attempt counts, first or retry, so that
   * ALERT-C4 reads the share of attempts that failed for any reason (ALERT-6).
   */
  public static final String POST_ATTEMPTS = "omniy.post.attempts";

  /**
   * Stripe webhook deliveries, each counted once, tagged {@link #TAG_OUTCOME}, {@link #TAG_REASON}
   * and {@link #TAG_TYPE}; ALERT-C2 reads the share of {@link #OUTCOME_FAILURE}. A failure is a
   * delivery answered 500 (reason {@code failed}) or refused with 400 (reasons {@code unsigned},
   * {@code bad_signature}, {@code stale_timestamp}, {@code malformed_payload}): after a secret
   * rotation gone wrong every payment webhook is refused, and that must page. A success is one
   * answered 200 (reasons {@code processed}, {@code duplicate}, {@code ignored}) or 409 because
   * another delivery of the same event is processing it (reason {@code in_progress}).
   */
  public static final String STRIPE_WEBHOOKS = "omniy.stripe.webhooks";

  /** Firestore connection attempts, tagged {@link #TAG_OUTCOME} (ALERT-C3). */
  public static final String FIRESTORE_CONNECTIONS = "omniy.firestore.connections";

  /**
   * Response time of Omniy's own API, a timer in seconds. ALERT-W1 reads the host's {@link
   * #HTTP_SERVER_REQUESTS} instead: that is the API whose latency the guide means.
   */
  public static final String API_LATENCY = "omniy.api.latency";

  /** Authentication attempts, tagged {@link #TAG_OUTCOME} (ALERT-W4). */
  public static final String AUTH_ATTEMPTS = "omniy.auth.attempts";

  /** Daily active users, a gauge (ALERT-I1). */
  public static final String USERS_ACTIVE_DAILY = "omniy.users.active.daily";

  /** Share of the Instagram API rate limit in use, 0–1, a gauge (ALERT-I2). */
  public static final String INSTAGRAM_QUOTA_USAGE = "omniy.instagram.quota.usage";

  /** Anomalous logins detected, a counter (ALERT-I3). */
  public static final String SECURITY_LOGIN_ANOMALIES = "omniy.security.login.anomalies";

  /** Posts published, a counter (POST-9, SLA-3). */
  public static final String POSTS_PUBLISHED = "omniy.posts.published";

  /** Posts FAILED, a counter tagged {@link #TAG_REASON} with the reason code (POST-6, POST-9). */
  public static final String POSTS_FAILED = "omniy.posts.failed";

  /**
   * Attempts deferred by quota or a retry, a counter tagged {@link #TAG_REASON} (POST-3, POST-5).
   */
  public static final String POSTS_DEFERRED = "omniy.posts.deferred";

  /** Posts parked in NEEDS_REAUTH, a counter (POST-4). */
  public static final String POSTS_NEEDS_REAUTH = "omniy.posts.needs.reauth";

  /** Published over published plus failed-against-us since start, 0–1, a gauge (POST-9, SLA-3). */
  public static final String POSTS_SUCCESS_RATIO = "omniy.posts.success.ratio";

  /** A first attempt's start minus its publish time, a timer in seconds. */
  public static final String DISPATCH_LATENESS = "omniy.dispatch.lateness";

  /** Attempts running now, a gauge. */
  public static final String DISPATCH_IN_FLIGHT = "omniy.dispatch.in.flight";

  /** How many attempts the dispatcher allows at once now (back-pressure), a gauge. */
  public static final String DISPATCH_CLAIM_LIMIT = "omniy.dispatch.claim.limit";

  /** 1 while publishing is paused (INC-4), else 0, a gauge. */
  public static final String DISPATCH_PAUSED = "omniy.dispatch.paused";

  /**
   * Maintenance job occurrences that ended, a counter tagged {@link #TAG_JOB} and {@link
   * #TAG_OUTCOME} ({@link #OUTCOME_SUCCESS}, {@link #OUTCOME_FAILURE} or {@link #OUTCOME_MISSED});
   * the MNT-3 rule alerts on failures and misses.
   */
  public static final String MAINTENANCE_RUNS = "omniy.maintenance.runs";

  /**
   * Support tickets still unanswered past their first-response deadline (SUP-1), a gauge tagged
   * {@link #TAG_PRIORITY}; the SUP-1 rule alerts while it is at least 1.
   */
  public static final String SUPPORT_OVERDUE = "omniy.support.tickets.overdue";

  /**
   * Built-in HTTP probes that ran (SLA-5), a counter tagged {@link #TAG_PROBE} and {@link
   * #TAG_OUTCOME} ({@link #OUTCOME_SUCCESS} or {@link #OUTCOME_FAILURE}): one increment per target
   * per interval across every runtime sharing a lease store. A rule reads the failure share of it
   * as the probe's view of ALERT-C1 (service down).
   */
  public static final String PROBES = "omniy.probes";

  /**
   * Dead-man's-switch pings sent to the outside monitor, a counter tagged {@link #TAG_SIGNAL}
   * ({@code ok} or {@code fail}) and {@link #TAG_OUTCOME} (whether the monitor answered 2xx).
   */
  public static final String HEARTBEATS = "omniy.heartbeats";

  /**
   * UptimeRobot log imports into the downtime ledger (SLA-5), a counter tagged {@link
   * #TAG_OUTCOME}.
   */
  public static final String UPTIMEROBOT_IMPORTS = "omniy.uptimerobot.imports";

  // ---- tags ----

  /** The probe-name tag of {@link #PROBES}, e.g. {@code web}. */
  public static final String TAG_PROBE = "probe";

  /** What a heartbeat told the monitor ({@link #HEARTBEATS}): {@code ok} or {@code fail}. */
  public static final String TAG_SIGNAL = "signal";

  /** The job-id tag of {@link #MAINTENANCE_RUNS}, e.g. {@code daily-backup}. */
  public static final String TAG_JOB = "job";

  /**
   * The account tag of {@link #INSTAGRAM_QUOTA_USAGE}: the Instagram account's id; ALERT-I2 groups
   * by it.
   */
  public static final String TAG_ACCOUNT = "account";

  /** The priority tag of {@link #SUPPORT_OVERDUE}: {@code emergency}, {@code high}… */
  public static final String TAG_PRIORITY = "priority";

  /**
   * The reason-code tag of {@link #POSTS_FAILED} and {@link #POSTS_DEFERRED}, and what became of a
   * delivery on {@link #STRIPE_WEBHOOKS} ({@code processed}, {@code bad_signature}…).
   */
  public static final String TAG_REASON = "reason";

  /**
   * The event-type tag of {@link #STRIPE_WEBHOOKS}, e.g. {@code invoice.paid}; {@code unverified}
   * for a delivery refused before its payload could be trusted.
   */
  public static final String TAG_TYPE = "type";

  /** The HTTP status code tag of {@link #HTTP_SERVER_REQUESTS}, e.g. {@code 503}. */
  public static final String TAG_STATUS = "status";

  /**
   * The outcome tag: {@link #OUTCOME_SUCCESS} or {@link #OUTCOME_FAILURE} on Omniy's meters; {@code
   * SUCCESS}, {@code SERVER_ERROR}… on {@link #HTTP_SERVER_REQUESTS}.
   */
  public static final String TAG_OUTCOME = "outcome";

  /** {@link #TAG_OUTCOME} of a success on Omniy's own meters. */
  public static final String OUTCOME_SUCCESS = "success";

  /** {@link #TAG_OUTCOME} of a failure on Omniy's own meters. */
  public static final String OUTCOME_FAILURE = "failure";

  /** {@link #TAG_OUTCOME} of a maintenance occurrence nobody ran in its window (MNT-3). */
  public static final String OUTCOME_MISSED = "missed";

  /** Every meter name above, standard ones first. */
  public static List<String> all() {
    return List.of(
        HTTP_SERVER_REQUESTS,
        SYSTEM_CPU_USAGE,
        PROCESS_CPU_USAGE,
        DISK_FREE,
        DISK_TOTAL,
        DISK_USAGE,
        POST_ATTEMPTS,
        STRIPE_WEBHOOKS,
        FIRESTORE_CONNECTIONS,
        API_LATENCY,
        AUTH_ATTEMPTS,
        USERS_ACTIVE_DAILY,
        INSTAGRAM_QUOTA_USAGE,
        SECURITY_LOGIN_ANOMALIES,
        POSTS_PUBLISHED,
        POSTS_FAILED,
        POSTS_DEFERRED,
        POSTS_NEEDS_REAUTH,
        POSTS_SUCCESS_RATIO,
        DISPATCH_LATENESS,
        DISPATCH_IN_FLIGHT,
        DISPATCH_CLAIM_LIMIT,
        DISPATCH_PAUSED,
        MAINTENANCE_RUNS,
        SUPPORT_OVERDUE,
        PROBES,
        HEARTBEATS,
        UPTIMEROBOT_IMPORTS);
  }
}
