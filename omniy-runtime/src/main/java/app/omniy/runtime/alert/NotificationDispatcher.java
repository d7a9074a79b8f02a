package app.omniy.runtime.alert;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.alert.AlertEvent;
import app.omniy.core.alert.Channel;
import app.omniy.core.alert.DailyFigures;
import app.omniy.core.alert.Digest;
import app.omniy.core.alert.EscalationPolicy;
import app.omniy.core.alert.EscalationStep;
import app.omniy.core.alert.QuietHours;
import app.omniy.core.alert.spi.DeliveryException;
import app.omniy.core.alert.spi.Notifier;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends alert events on their channels: every channel in parallel, each retried with exponential
 * backoff (Failsafe) while its failure is temporary, every outcome reported — so one failing
 * channel never delays or stops the others, and the alert still arrives on the rest. Escalations
 * (ALERT-3) also go to the escalation contact.
 *
 * <p>Grouping: with a group wait ({@link #groupWait()}, {@link #DEFAULT_GROUP_WAIT} 30 s where the
 * runtime sets it), {@link #dispatch(List, Instant)} holds each target's events until the first of
 * them is the wait old, then sends them all as one message per target ({@link Notifier#sendGroup}),
 * so a cascade (ALERT-C1, C3, C4 and W1 one after another) is one message per channel. A lone event
 * is sent as it is ({@link Notifier#send}).
 */
public final class NotificationDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(NotificationDispatcher.class);

  private final Map<Channel, Notifier> notifiers;
  private final @Nullable Notifier escalationContact;
  private final RetryPolicy<Object> retry;
  private final ExecutorService executor;
  private final Duration groupWait;
  private final Map<String, List<AlertEvent>> held = new LinkedHashMap<>();
  private final int maxRetries;
  private final Duration firstDelay;
  private final Duration maxDelay;
  private @Nullable QuietHours quietHours;
  private Function<LocalDate, @Nullable DailyFigures> figures = day -> null;
  private final List<AlertEvent> overnight = new ArrayList<>();
  private @Nullable Instant nextDigest;
  private @Nullable EscalationPolicy policy;
  private Map<String, Notifier> contacts = Map.of();
  private final List<AlertEvent> delayed = new ArrayList<>();

  /** The group wait the runtime uses unless configured: 30 s, Alertmanager's {@code group_wait}. */
  public static final Duration DEFAULT_GROUP_WAIT = Duration.ofSeconds(30);

  /**
   * @param notifiers one notifier per channel; a channel without one is reported as undelivered
   * @param escalationContact who else hears of escalations, or null
   * @param maxRetries retries after the first attempt
   * @param firstDelay the first backoff delay, doubled on each retry up to {@code maxDelay}
   * @param maxDelay the longest backoff delay
   * @param executor runs the deliveries; the caller owns and shuts it down
   */
  public NotificationDispatcher(
      Map<Channel, Notifier> notifiers,
      @Nullable Notifier escalationContact,
      int maxRetries,
      Duration firstDelay,
      Duration maxDelay,
      ExecutorService executor) {
    this(notifiers, escalationContact, maxRetries, firstDelay, maxDelay, executor, Duration.ZERO);
  }

  /**
   * As the six-argument constructor, grouping the events of each target that arrive within {@code
   * groupWait} of the first into one message.
   *
   * @param groupWait zero (each call's events are grouped, none held) to 1 hour
   */
  public NotificationDispatcher(
      Map<Channel, Notifier> notifiers,
      @Nullable Notifier escalationContact,
      int maxRetries,
      Duration firstDelay,
      Duration maxDelay,
      ExecutorService executor,
      Duration groupWait) {
    if (groupWait == null
        || groupWait.isNegative()
        || groupWait.compareTo(Duration.ofHours(1)) > 0) {
      throw new InvalidValueException("groupWait", groupWait, "must be from zero to 1 hour");
    }
    this.groupWait = groupWait;
    this.maxRetries = maxRetries;
    this.firstDelay = firstDelay;
    this.maxDelay = maxDelay;
    this.notifiers = new EnumMap<>(Channel.class);
    if (notifiers == null || executor == null) {
      throw new InvalidValueException(
          notifiers == null ? "notifiers" : "executor", null, "is required");
    }
    this.notifiers.putAll(notifiers);
    this.escalationContact = escalationContact;
    this.retry =
        RetryPolicy.builder()
            .handleIf(NotificationDispatcher::temporary)
            .withBackoff(firstDelay, maxDelay)
            .withMaxRetries(maxRetries)
            .build();
    this.executor = executor;
  }

  private static boolean temporary(@Nullable Object result, @Nullable Throwable failure) {
    return failure instanceof UncheckedIOException
        || (failure instanceof DeliveryException delivery && delivery.retryable());
  }

  /**
   * A dispatcher like this one that holds, during {@code quiet}, the notifications whose rule's
   * response deadline outlasts the quiet hours ({@link QuietHours#holds}) and sends them, with
   * {@code figures} of the day before, as one digest per digest channel ({@link
   * Notifier#sendDigest}) at the first {@link #dispatch(List, Instant)} at or after each end of the
   * quiet hours, every morning, held notifications or not.
   *
   * @param figures the day's figures for the digest, or null for none
   */
  public NotificationDispatcher withQuietHours(
      QuietHours quiet, Function<LocalDate, @Nullable DailyFigures> figures) {
    NotificationDispatcher copy = copy();
    copy.quietHours = Require.nonNull(quiet, "quiet");
    copy.figures = Require.nonNull(figures, "figures");
    return copy;
  }

  /**
   * A dispatcher like this one that routes by {@code policy} ({@link EscalationPolicy}, the guide's
   * is {@link EscalationPolicy#GUIDE}): each event goes to its step's channels and contacts, not
   * before its step's delay after the step's trigger (an event not yet due waits here; a resolve
   * notice for an alert whose firing is still waiting cancels both). {@code contacts} names the
   * contacts' notifiers; {@link EscalationStep#ESCALATION_CONTACT} defaults to the constructor's
   * escalation contact. A contact without a notifier is reported as undelivered.
   */
  public NotificationDispatcher withEscalationPolicy(
      EscalationPolicy policy, Map<String, Notifier> contacts) {
    NotificationDispatcher copy = copy();
    copy.policy = Require.nonNull(policy, "policy");
    copy.contacts = Map.copyOf(Require.nonNull(contacts, "contacts"));
    return copy;
  }

  private NotificationDispatcher copy() {
    NotificationDispatcher copy =
        new NotificationDispatcher(
            notifiers, escalationContact, maxRetries, firstDelay, maxDelay, executor, groupWait);
    copy.quietHours = quietHours;
    copy.figures = figures;
    copy.policy = policy;
    copy.contacts = contacts;
    return copy;
  }

  /** Events waiting for their escalation step's delay, in arrival order. */
  public List<AlertEvent> delayed() {
    synchronized (held) {
      return List.copyOf(delayed);
    }
  }

  private void route(AlertEvent event) {
    EscalationPolicy routing = policy;
    if (routing == null) {
      for (Channel channel : event.channels()) {
        held.computeIfAbsent(target(channel), t -> new ArrayList<>()).add(event);
      }
      if (event.toEscalationContact()) {
        held.computeIfAbsent(ESCALATION_CONTACT, t -> new ArrayList<>()).add(event);
      }
      return;
    }
    for (Channel channel : routing.channels(event)) {
      held.computeIfAbsent(target(channel), t -> new ArrayList<>()).add(event);
    }
    for (String contact : routing.contacts(event)) {
      held.computeIfAbsent(contact, t -> new ArrayList<>()).add(event);
    }
  }

  private @Nullable Notifier notifierFor(String target) {
    for (Channel channel : Channel.values()) {
      if (target(channel).equals(target)) {
        return notifiers.get(channel);
      }
    }
    Notifier contact = contacts.get(target);
    return contact == null && target.equals(ESCALATION_CONTACT) ? escalationContact : contact;
  }

  /** The notifications held for the next digest, in arrival order. */
  public List<AlertEvent> heldForDigest() {
    synchronized (held) {
      return List.copyOf(overnight);
    }
  }

  /** How long the first event of a target waits for others to join its message. */
  public Duration groupWait() {
    return groupWait;
  }

  /**
   * Holds {@code events} with those already held, then sends, one message per target, every
   * target's events whose first is at least the group wait old at {@code now}, in parallel, and
   * waits for the outcomes: one {@link Delivery} per event and target sent. Events held stay here
   * until a later call sends them (the runtime calls this every cycle).
   */
  public List<Delivery> dispatch(List<AlertEvent> events, Instant now) {
    Map<String, List<AlertEvent>> due = new LinkedHashMap<>();
    Digest digest = null;
    QuietHours quiet = quietHours;
    synchronized (held) {
      List<AlertEvent> arriving = new ArrayList<>();
      delayed.removeIf(
          event -> {
            if (policy != null && policy.dueAt(event).isAfter(now)) {
              return false;
            }
            arriving.add(event);
            return true;
          });
      for (AlertEvent event : events) {
        if (quiet != null && quiet.holds(event)) {
          overnight.add(event);
        } else if (event.kind() == AlertEvent.Kind.RESOLVED
            && delayed.removeIf(d -> d.key().equals(event.key()))) {
          continue; // never told it fired: nothing to resolve
        } else if (policy != null && policy.dueAt(event).isAfter(now)) {
          delayed.add(event);
        } else {
          arriving.add(event);
        }
      }
      arriving.forEach(this::route);
      held.entrySet()
          .removeIf(
              entry -> {
                Instant first = entry.getValue().get(0).at();
                if (first.plus(groupWait).isAfter(now)) {
                  return false;
                }
                due.put(entry.getKey(), List.copyOf(entry.getValue()));
                return true;
              });
      if (quiet != null) {
        Instant digestAt = nextDigest;
        if (digestAt == null) {
          nextDigest = quiet.nextEnd(now);
        } else if (!now.isBefore(digestAt)) {
          LocalDate day = quiet.reportedDay(digestAt);
          digest = new Digest(day, now, overnight, figures.apply(day));
          overnight.clear();
          nextDigest = quiet.nextEnd(now);
        }
      }
    }
    List<CompletableFuture<List<Delivery>>> pending = new ArrayList<>();
    due.forEach(
        (target, group) -> {
          Notifier notifier = notifierFor(target);
          if (group.size() == 1) {
            pending.add(send(group.get(0), target, notifier).thenApply(List::of));
          } else {
            pending.add(sendGroup(group, target, notifier));
          }
        });
    if (digest != null && quiet != null) {
      for (Channel channel : quiet.digestTo()) {
        pending.add(sendDigest(digest, target(channel), notifiers.get(channel)));
      }
    }
    List<Delivery> deliveries = new ArrayList<>();
    for (CompletableFuture<List<Delivery>> delivery : pending) {
      deliveries.addAll(delivery.join());
    }
    return deliveries;
  }

  /** The digest on one target: one {@link Delivery} per held notification in it. */
  private CompletableFuture<List<Delivery>> sendDigest(
      Digest digest, String target, @Nullable Notifier notifier) {
    return sendAll(
        digest.held(),
        "Digest of " + digest.day(),
        target,
        notifier == null ? null : () -> notifier.sendDigest(digest));
  }

  /**
   * One message carrying {@code events} to {@code target}, retried as a single alert is; one {@link
   * Delivery} per event with the message's outcome.
   *
   * @param what the message in the log, e.g. "3 alerts"
   * @param send sends the message, or null when no notifier hears the target
   */
  private CompletableFuture<List<Delivery>> sendAll(
      List<AlertEvent> events, String what, String target, @Nullable Runnable send) {
    if (send == null) {
      LOG.warn("{} not sent: no notifier for {}", what, target);
      List<Delivery> missing = new ArrayList<>();
      for (AlertEvent event : events) {
        missing.add(new Delivery(event, target, false, 0, "no notifier for " + target));
      }
      return CompletableFuture.completedFuture(missing);
    }
    AtomicInteger attempts = new AtomicInteger();
    return Failsafe.with(retry)
        .with(executor)
        .runAsync(
            () -> {
              attempts.incrementAndGet();
              send.run();
            })
        .handle(
            (ok, failure) -> {
              Throwable cause =
                  failure instanceof FailsafeException && failure.getCause() != null
                      ? failure.getCause()
                      : failure;
              if (cause != null) {
                LOG.warn(
                    "{} not delivered to {} after {} attempts: {}",
                    what,
                    target,
                    attempts.get(),
                    cause.toString());
              }
              List<Delivery> deliveries = new ArrayList<>();
              for (AlertEvent event : events) {
                deliveries.add(
                    new Delivery(
                        event,
                        target,
                        cause == null,
                        attempts.get(),
                        cause == null ? null : cause.getMessage()));
              }
              return deliveries;
            });
  }

  /** The events held for a later message, in arrival order, by target. */
  public Map<String, List<AlertEvent>> held() {
    synchronized (held) {
      Map<String, List<AlertEvent>> copy = new LinkedHashMap<>();
      held.forEach((target, group) -> copy.put(target, List.copyOf(group)));
      return copy;
    }
  }

  private static final String ESCALATION_CONTACT = EscalationStep.ESCALATION_CONTACT;

  private static String target(Channel channel) {
    return channel.name().toLowerCase(Locale.ROOT);
  }

  private CompletableFuture<List<Delivery>> sendGroup(
      List<AlertEvent> group, String target, @Nullable Notifier notifier) {
    return sendAll(
        group,
        group.size() + " alerts",
        target,
        notifier == null ? null : () -> notifier.sendGroup(group));
  }

  /** Sends every event on every target at once, in parallel, and waits for all outcomes. */
  public List<Delivery> dispatch(List<AlertEvent> events) {
    List<CompletableFuture<Delivery>> pending = new ArrayList<>();
    for (AlertEvent event : events) {
      for (Channel channel : event.channels()) {
        pending.add(send(event, channel.name().toLowerCase(Locale.ROOT), notifiers.get(channel)));
      }
      if (event.toEscalationContact()) {
        pending.add(send(event, "escalation-contact", escalationContact));
      }
    }
    List<Delivery> deliveries = new ArrayList<>();
    for (CompletableFuture<Delivery> delivery : pending) {
      deliveries.add(delivery.join());
    }
    return deliveries;
  }

  private CompletableFuture<Delivery> send(
      AlertEvent event, String target, @Nullable Notifier notifier) {
    if (notifier == null) {
      Delivery missing = new Delivery(event, target, false, 0, "no notifier for " + target);
      LOG.warn("Alert {} {} not sent: {}", event.kind(), event.key(), missing.error());
      return CompletableFuture.completedFuture(missing);
    }
    AtomicInteger attempts = new AtomicInteger();
    return Failsafe.with(retry)
        .with(executor)
        .runAsync(
            () -> {
              attempts.incrementAndGet();
              notifier.send(event);
            })
        .handle(
            (ok, failure) -> {
              if (failure == null) {
                return new Delivery(event, target, true, attempts.get(), null);
              }
              Throwable cause =
                  failure instanceof FailsafeException && failure.getCause() != null
                      ? failure.getCause()
                      : failure;
              LOG.warn(
                  "Alert {} {} not delivered to {} after {} attempts: {}",
                  event.kind(),
                  event.key(),
                  target,
                  attempts.get(),
                  cause.toString());
              return new Delivery(event, target, false, attempts.get(), cause.getMessage());
            });
  }
}
