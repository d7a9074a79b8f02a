package app.omniy.examples.trial;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Money;
import app.omniy.core.OmniyException;
import app.omniy.core.alert.AlertEvent;
import app.omniy.core.alert.AlertKey;
import app.omniy.core.alert.AlertRule;
import app.omniy.core.alert.Channel;
import app.omniy.core.alert.DefaultAlertRules;
import app.omniy.core.alert.spi.Notifier;
import app.omniy.core.incident.Incident;
import app.omniy.core.incident.Milestone;
import app.omniy.core.memory.InMemoryDowntimeStore;
import app.omniy.core.memory.InMemoryPostStore;
import app.omniy.core.metrics.MetricNames;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.PostRejectedException;
import app.omniy.core.post.PostState;
import app.omniy.core.post.PostValidator;
import app.omniy.core.post.Reasons;
import app.omniy.core.post.service.PostService;
import app.omniy.core.sla.CreditPolicy;
import app.omniy.core.sla.DowntimePeriod;
import app.omniy.core.sla.PostSuccessRate;
import app.omniy.core.sla.ProbeResult;
import app.omniy.core.sla.ProbeUptime;
import app.omniy.core.sla.ServiceCredit;
import app.omniy.core.sla.SlaMonth;
import app.omniy.core.sla.SlaReport;
import app.omniy.core.sla.SlaTarget;
import app.omniy.core.sla.spi.DowntimeStore;
import app.omniy.instagram.GraphApiConfig;
import app.omniy.instagram.InMemoryAccessTokens;
import app.omniy.instagram.InstagramPublisher;
import app.omniy.instagram.spi.AccessToken;
import app.omniy.runtime.OmniyMetrics;
import app.omniy.runtime.alert.AlertRuntime;
import app.omniy.runtime.alert.NotificationDispatcher;
import app.omniy.runtime.incident.IncidentEvent;
import app.omniy.runtime.incident.IncidentRuntime;
import app.omniy.runtime.incident.Mitigation;
import app.omniy.testkit.ManualDispatcher;
import app.omniy.testkit.SettableClock;
import app.omniy.testkit.graph.FakeGraphApi;
import app.omniy.testkit.graph.GraphFault;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A month of Omniy on one machine: posts across accounts in several zones scheduled through {@link
 * PostService} and published by the real dispatcher ({@link ManualDispatcher}) and {@link
 * InstagramPublisher} against the test kit's {@link FakeGraphApi} with transient faults; host
 * traffic in {@code http.server.requests}; an external probe every 5 minutes; the guide's alert
 * rules on the real {@link AlertRuntime}, notifying a local log; incidents on the {@link
 * IncidentRuntime}, answered by a simulated operator; downtime in the SLA ledger; the month's
 * report and credits. One thread, a {@link SettableClock} moved a minute at a time: the same seed
 * and month give the same month.
 *
 * <p>The simulated operator acknowledges an alert and responds to its incident 5 minutes after
 * detection, pauses publishing 5 minutes later when the service is down (INC-4), and confirms the
 * resolution 30 minutes after recovery.
 */
public final class MonthSimulation {
  static final ZoneId JST = SlaMonth.DEFAULT_ZONE;
  static final Duration PROBE_INTERVAL = Duration.ofMinutes(5);

  /** The two sample plans for the credit. */
  static final Map<String, Money> PLANS =
      Map.of("Light ¥980", Money.of("980", "JPY"), "Pro ¥2,980", Money.of("2980", "JPY"));

  /**
   * The guide's rules whose meters the trial produces: ALERT-C1 (host 5xx share), ALERT-C4 (failed
   * publish attempts) and ALERT-I2 (Instagram quota). The others (Stripe, Firestore, CPU, disk, API
   * latency, logins, DAU) would only evaluate "no data" 43,200 times a month.
   */
  static final List<AlertRule> RULES =
      List.of(
          DefaultAlertRules.SERVICE_DOWN,
          DefaultAlertRules.MASS_POST_FAILURE,
          DefaultAlertRules.INSTAGRAM_QUOTA);

  private static final Set<String> READ =
      Set.of(
          MetricNames.HTTP_SERVER_REQUESTS,
          MetricNames.POST_ATTEMPTS,
          MetricNames.INSTAGRAM_QUOTA_USAGE);

  private final TrialSettings settings;
  private final Consumer<String> progress;
  private final SlaMonth month;
  private final SettableClock clock;
  private final SplittableRandom random;
  private final TreeMap<Instant, List<Runnable>> agenda = new TreeMap<>();
  private final LinkedHashSet<String> fired = new LinkedHashSet<>();
  private final Map<String, Integer> firings = new TreeMap<>();
  private final Map<String, Integer> resolutions = new TreeMap<>();
  private final List<ProbeResult> probes = new ArrayList<>();
  private long hostRequests;
  private long hostFailures;

  private MonthSimulation(TrialSettings settings, Consumer<String> progress) {
    this.settings = settings;
    this.progress = progress;
    this.month = SlaMonth.of(settings.month());
    this.clock = SettableClock.at(month.start(), JST);
    this.random = new SplittableRandom(settings.seed());
  }

  /** Runs the month; {@code progress} hears one line per simulated day. */
  public static TrialResult run(TrialSettings settings, Consumer<String> progress) {
    return new MonthSimulation(settings, progress).run();
  }

  private TrialResult run() {
    try (FakeGraphApi api = FakeGraphApi.start(clock)) {
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      // Only the meters the alert rules read: the bridge polls every meter every minute.
      registry.config().meterFilter(MeterFilter.denyUnless(id -> READ.contains(id.getName())));
      InMemoryAccessTokens tokens = new InMemoryAccessTokens();
      List<String> accounts = accounts(api, tokens);
      if (settings.faultRate() > 0) {
        api.randomFaults(
            settings.faultRate(),
            settings.seed(),
            GraphFault.SERVER_ERROR,
            GraphFault.RATE_LIMITED,
            GraphFault.CONNECTION_RESET,
            GraphFault.LOST_PUBLISH_RESPONSE);
      }
      InstagramPublisher publisher =
          InstagramPublisher.builder(graphConfig(api), tokens)
              // Responses are handled on the client's selector thread: fewer thread hand-offs per
              // call on a busy machine.
              .httpClient(HttpClient.newBuilder().executor(Runnable::run).build())
              .meterRegistry(registry)
              .build();
      InMemoryPostStore store = new InMemoryPostStore();
      PostService service = new PostService(store, publisher, PostValidator.withDefaults(), clock);
      OmniyMetrics metrics = new OmniyMetrics(() -> 0, () -> 1, () -> 0);
      metrics.bindTo(registry);
      AtomicReference<ManualDispatcher> self = new AtomicReference<>();
      ManualDispatcher dispatcher =
          ManualDispatcher.builder(store, publisher, clock)
              .listener(new TrialListener(metrics, () -> self.get().dispatcher()))
              .seed(settings.seed())
              .step(Duration.ofMinutes(1))
              .build();
      self.set(dispatcher);

      LocalLog log = new LocalLog(clock, JST);
      NotificationDispatcher notifications = notifications(log);
      AlertRuntime alerts =
          AlertRuntime.builder(clock, notifications).rules(RULES).registry(registry).build();
      InMemoryDowntimeStore downtime = new InMemoryDowntimeStore();
      IncidentRuntime incidents =
          IncidentRuntime.builder(clock).downtime(downtime).notifications(notifications).build();
      Mitigation pause =
          Mitigation.pausePublishing(
              reason -> dispatcher.dispatcher().pause(reason),
              () -> dispatcher.dispatcher().resume());

      int rejected = schedule(service, accounts);
      expireOneToken(api, accounts);
      Instant outageStart = outageStart();
      Instant outageEnd = outageStart.plus(Duration.ofMinutes(settings.outageMinutes()));
      HostTraffic ok = new HostTraffic(registry, "200", "SUCCESS", 80);
      HostTraffic down = new HostTraffic(registry, "503", "SERVER_ERROR", 30);

      long minutes = Duration.between(month.start(), month.end()).toMinutes();
      for (long m = 0; m < minutes; m++) {
        Instant now = month.start().plus(Duration.ofMinutes(m));
        clock.set(now);
        runAgenda(now);
        boolean outage =
            settings.outageMinutes() > 0 && !now.isBefore(outageStart) && now.isBefore(outageEnd);
        api.unreachable(outage);
        // The alert bridge reads the registry at each tick: what it finds are the requests
        // answered during the minute just ended, as a host's timer would hold them.
        Instant lastMinute = now.minus(Duration.ofMinutes(1));
        boolean failedLastMinute =
            settings.outageMinutes() > 0
                && !lastMinute.isBefore(outageStart)
                && lastMinute.isBefore(outageEnd);
        hostTraffic(lastMinute, failedLastMinute ? down : ok, failedLastMinute);
        if (m % PROBE_INTERVAL.toMinutes() == 0) {
          probes.add(new ProbeResult(now, !outage));
        }
        dispatcher.runDue();
        for (AlertEvent event : alerts.tick().evaluation().events()) {
          count(event);
          for (IncidentEvent happened : incidents.onAlerts(List.of(event))) {
            operator(happened, event.key(), alerts, incidents, pause);
          }
        }
        for (IncidentEvent happened : incidents.tick()) {
          operator(happened, null, alerts, incidents, pause);
        }
        if ((m + 1) % (24 * 60) == 0) {
          progress.accept(
              "simulated day "
                  + (m + 1) / (24 * 60)
                  + " of "
                  + minutes / (24 * 60)
                  + ": "
                  + api.totalPublishes()
                  + " published, alerts fired "
                  + fired);
        }
      }
      clock.set(month.end());
      return result(store, accounts, api, rejected, incidents, downtime, log);
    }
  }

  private GraphApiConfig graphConfig(FakeGraphApi api) {
    return GraphApiConfig.builder(GraphApiConfig.Flavour.INSTAGRAM_LOGIN)
        .baseUri(api.baseUri())
        .requestTimeout(Duration.ofSeconds(5))
        // In-call retries and the breaker wait in real time, which a simulated month does not
        // have: a failed call goes to the durable retry (POST-5's second level) in simulated time
        // instead, and the breaker lets the next call through, so a seed repeats the month.
        .resilience(new GraphApiConfig.Resilience(0, 10, 20, Duration.ofNanos(1)))
        .build();
  }

  private List<String> accounts(FakeGraphApi api, InMemoryAccessTokens tokens) {
    List<String> accounts = new ArrayList<>();
    for (int i = 1; i <= settings.accounts(); i++) {
      String account = Long.toString(17_841_400_000_000_000L + i);
      String token = "IGQtrial-" + i;
      api.addAccount(account, token);
      tokens.put(account, new AccessToken(token, month.start().plus(Duration.ofDays(60))));
      accounts.add(account);
    }
    return accounts;
  }

  private static ZoneId zoneOf(int accountIndex) {
    return PostMix.ZONES.get(accountIndex % PostMix.ZONES.size());
  }

  /** Schedules the month's posts now, at its start; some are cancelled later. */
  private int schedule(PostService service, List<String> accounts) {
    PostMix mix = new PostMix(random);
    Instant earliest = month.start().plus(Duration.ofMinutes(20));
    Instant latest = month.end().minus(Duration.ofHours(3));
    int days = settings.month().lengthOfMonth();
    int rejected = 0;
    for (int n = 1; n <= settings.posts(); n++) {
      int a = random.nextInt(accounts.size());
      ZoneId zone = zoneOf(a);
      Instant at = mix.publishTime(zone, settings.month().atDay(1), days, earliest, latest);
      try {
        PostRecord scheduled = service.schedule(mix.post(n, accounts.get(a), zone, at));
        if (random.nextInt(100) < 3) {
          Instant cancelAt = at.minus(Duration.ofMinutes(1 + random.nextInt(24 * 60)));
          later(
              cancelAt.isBefore(earliest) ? earliest : cancelAt,
              () -> cancel(service, scheduled.id()));
        }
      } catch (PostRejectedException e) {
        rejected++;
      }
    }
    return rejected;
  }

  /** The owner cancels; a post already past cancelling (it cannot be, before its time) stays. */
  private static void cancel(PostService service, String postId) {
    try {
      service.cancel(postId);
    } catch (OmniyException e) {
      // Nothing to cancel any more: the post keeps its outcome, which the tally counts.
    }
  }

  /** With two accounts or more, the last one's token expires on the 15th at 09:00 JST. */
  private void expireOneToken(FakeGraphApi api, List<String> accounts) {
    if (accounts.size() >= 2) {
      Instant at = settings.month().atDay(15).atTime(9, 0).atZone(JST).toInstant();
      later(at, () -> api.expireToken(accounts.get(accounts.size() - 1)));
    }
  }

  /** The outage starts between the 10th and the 20th, 10:00–16:59 JST, chosen by the seed. */
  private Instant outageStart() {
    SplittableRandom outage = new SplittableRandom(settings.seed() * 31 + 7);
    return settings
        .month()
        .atDay(10 + outage.nextInt(11))
        .atTime(10 + outage.nextInt(7), outage.nextInt(60))
        .atZone(JST)
        .toInstant();
  }

  /** The requests of {@code minute}: 12 by day (08:00–23:59 JST), 6 at night. */
  private void hostTraffic(Instant minute, HostTraffic traffic, boolean failing) {
    int hour = minute.atZone(JST).getHour();
    int requests = hour >= 8 ? 12 : 6;
    traffic.served(requests);
    hostRequests += requests;
    if (failing) {
      hostFailures += requests;
    }
  }

  private NotificationDispatcher notifications(LocalLog log) {
    Map<Channel, Notifier> notifiers = new EnumMap<>(Channel.class);
    notifiers.put(Channel.SLACK, log.notifier("slack"));
    notifiers.put(Channel.SMS, log.notifier("sms"));
    notifiers.put(Channel.EMAIL, log.notifier("email"));
    notifiers.put(Channel.WEBHOOK, log.notifier("webhook"));
    return new NotificationDispatcher(
        notifiers,
        log.notifier("escalation-contact"),
        0,
        Duration.ofMillis(1),
        Duration.ofMillis(2),
        new InlineExecutor());
  }

  private void count(AlertEvent event) {
    String rule = event.rule().id();
    if (event.kind() == AlertEvent.Kind.FIRED) {
      fired.add(rule);
      firings.merge(rule, 1, Integer::sum);
    } else if (event.kind() == AlertEvent.Kind.RESOLVED) {
      resolutions.merge(rule, 1, Integer::sum);
    }
  }

  /** The simulated operator's answers to what the incident runtime reports. */
  private void operator(
      IncidentEvent happened,
      AlertKey alert,
      AlertRuntime alerts,
      IncidentRuntime incidents,
      Mitigation pause) {
    String id = happened.incident().id();
    Instant at = happened.at();
    switch (happened.kind()) {
      case OPENED -> {
        later(
            at.plus(Duration.ofMinutes(5)),
            () -> {
              if (alert != null) {
                try {
                  alerts.acknowledge(alert, "trial-operator");
                } catch (InvalidValueException resolvedAlready) {
                  // The alert resolved before the operator looked (ALERT-2: it resolves as soon as
                  // its condition stops holding); there is nothing left to acknowledge.
                }
              }
              // An incident that recovered by itself within the five minutes needs no response.
              if (incidents.find(id).orElseThrow().at(Milestone.RECOVERED).isEmpty()) {
                incidents.respond(id, "trial-operator");
              }
            });
        // The operator checks after an hour and closes by hand an incident that is not downtime and
        // whose alert is still firing.
        if (!happened.incident().title().startsWith("ALERT-C1")) {
          later(
              at.plus(Duration.ofHours(1)),
              () -> incidents.resolve(id, "checked by the trial operator: transient, no action"));
        }
        if (happened.incident().title().startsWith("ALERT-C1")) {
          later(
              at.plus(Duration.ofMinutes(10)),
              () -> {
                if (incidents.find(id).orElseThrow().at(Milestone.RECOVERED).isEmpty()) {
                  incidents.mitigate(id, pause);
                }
              });
        }
      }
      case RECOVERED ->
          later(
              at.plus(Duration.ofMinutes(30)),
              () -> incidents.resolve(id, "cause fixed and confirmed by the trial operator"));
      default -> {}
    }
  }

  private void later(Instant at, Runnable action) {
    agenda.computeIfAbsent(at, k -> new ArrayList<>()).add(action);
  }

  private void runAgenda(Instant now) {
    while (!agenda.isEmpty() && !agenda.firstKey().isAfter(now)) {
      for (Runnable action : agenda.pollFirstEntry().getValue()) {
        action.run();
      }
    }
  }

  /**
   * The parts of a probe's downtime that no incident already measured. A probe sees an outage at
   * its next probe, up to one interval late at both ends, so the part of {@code seen} from an
   * incident's start to one interval after its end is that incident's outage, measured from its
   * signal to the minute (INC-2); counting both would add up to an interval (SLA-2 merges them).
   */
  private static List<DowntimePeriod> beyondIncidents(
      DowntimePeriod seen, List<DowntimePeriod> incidents) {
    List<Instant[]> parts = new ArrayList<>();
    parts.add(new Instant[] {seen.start(), seen.end()});
    for (DowntimePeriod incident : incidents) {
      Instant from = incident.start();
      Instant to = incident.end().plus(PROBE_INTERVAL);
      List<Instant[]> next = new ArrayList<>();
      for (Instant[] part : parts) {
        if (!part[1].isAfter(from) || !part[0].isBefore(to)) {
          next.add(part);
          continue;
        }
        if (part[0].isBefore(from)) {
          next.add(new Instant[] {part[0], from});
        }
        if (part[1].isAfter(to)) {
          next.add(new Instant[] {to, part[1]});
        }
      }
      parts = next;
    }
    List<DowntimePeriod> kept = new ArrayList<>();
    for (Instant[] part : parts) {
      if (Duration.between(part[0], part[1]).getSeconds() >= 1) {
        kept.add(new DowntimePeriod(part[0], part[1], seen.cause(), seen.target(), seen.note()));
      }
    }
    return kept;
  }

  private TrialResult result(
      InMemoryPostStore store,
      List<String> accounts,
      FakeGraphApi api,
      int rejected,
      IncidentRuntime incidents,
      InMemoryDowntimeStore downtime,
      LocalLog log) {
    List<PostRecord> records = new ArrayList<>();
    for (String account : accounts) {
      records.addAll(store.findByAccount(account, EnumSet.allOf(PostState.class)));
    }
    Map<String, Long> failed = new TreeMap<>();
    Map<String, Long> excluded = new TreeMap<>();
    long published = 0;
    long pending = 0;
    for (PostRecord r : records) {
      String reason = r.lastTransition().map(t -> t.reasonCode()).orElse(r.state().name());
      switch (r.state()) {
        case PUBLISHED -> published++;
        case CANCELLED -> excluded.merge(Reasons.CANCELLED, 1L, Long::sum);
        case NEEDS_REAUTH -> excluded.merge(Reasons.NEEDS_REAUTH, 1L, Long::sum);
        case FAILED ->
            (reason.equals(Reasons.USER_CAUSED) ? excluded : failed).merge(reason, 1L, Long::sum);
        default -> pending++;
      }
    }
    PostSuccessRate rate = PostSuccessRate.of(records);
    ProbeUptime.Outcome probed =
        ProbeUptime.evaluate(probes, PROBE_INTERVAL, month.range(), SlaTarget.SYSTEM);
    List<DowntimePeriod> incidentDown =
        downtime.overlapping(month.range()).stream().map(DowntimeStore.Stored::period).toList();
    for (DowntimePeriod seen : probed.downtime()) {
      beyondIncidents(seen, incidentDown).forEach(downtime::add);
    }
    SlaReport report =
        SlaReport.of(downtime.ledger(month.range()), month, CreditPolicy.GUIDE, null)
            .withUnknownSeconds(probed.unknownSeconds())
            .withPosts(rate);
    List<TrialResult.PlanCredit> credits = new ArrayList<>();
    new TreeMap<>(PLANS)
        .forEach(
            (plan, fee) ->
                credits.add(
                    new TrialResult.PlanCredit(
                        plan,
                        fee,
                        ServiceCredit.assess(
                                CreditPolicy.GUIDE,
                                month.month(),
                                report.system().uptime(),
                                fee,
                                null)
                            .amount())));
    List<Incident> all = incidents.opened();
    Map<String, String> rca = new LinkedHashMap<>();
    for (Incident incident : all) {
      rca.put(incident.id(), incidents.rca(incident.id()));
    }
    Map<String, Integer> faults = new TreeMap<>();
    api.faultsInjected().forEach((fault, count) -> faults.put(fault.name(), count));
    long failedProbes = probes.stream().filter(p -> !p.up()).count();
    return new TrialResult(
        settings.month(),
        settings.posts() - rejected,
        rejected,
        published,
        failed,
        excluded,
        pending,
        api.containersPublishedMoreThanOnce().size(),
        rate,
        List.copyOf(fired),
        firings,
        resolutions,
        all,
        rca,
        report,
        credits,
        new TrialResult.Counts(hostRequests, hostFailures),
        new TrialResult.Counts(probes.size(), failedProbes),
        faults,
        log.lines(),
        log.events());
  }
}
