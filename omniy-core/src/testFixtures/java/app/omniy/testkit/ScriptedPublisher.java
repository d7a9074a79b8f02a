package app.omniy.testkit;

import app.omniy.core.InvalidValueException;
import app.omniy.core.post.Post;
import app.omniy.core.post.spi.CircuitState;
import app.omniy.core.post.spi.ContainerStatus;
import app.omniy.core.post.spi.OutcomeClass;
import app.omniy.core.post.spi.Publisher;
import app.omniy.core.post.spi.PublisherResult;
import app.omniy.core.post.spi.Reconciliation;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Publisher} that behaves like Instagram's content publishing, in memory, with scripted
 * failures, for testing dispatchers and host applications without the network. Thread-safe.
 *
 * <p>By default every container is created {@link ContainerStatus#FINISHED} and publishes once; a
 * second {@code publish} of the same container fails as Instagram's duplicate-post error does, and
 * {@link #published()} lists every media that went out, so a test can assert exactly once (POST-7).
 * Scripted results are returned, oldest first, by the next calls of their operation:
 *
 * <pre>{@code
 * var publisher = new ScriptedPublisher();
 * publisher.script(Operation.PUBLISH,
 *     PublisherResult.failure(OutcomeClass.TRANSIENT, "2207001", "server error"));
 * publisher.loseNextPublishResponse(); // publishes, then reports a timeout
 * }</pre>
 */
public final class ScriptedPublisher implements Publisher {
  private @Nullable CircuitState circuit;

  /** The calls that can be scripted. */
  public enum Operation {
    CREATE,
    STATUS,
    PUBLISH,
    RECONCILE,
    COMMENT
  }

  /** A media that went out. */
  public record PublishedMedia(String accountId, String containerId, String mediaId) {}

  private static final class Container {
    final String accountId;
    final String postId;
    ContainerStatus status;
    int pollsUntilFinished;

    Container(String accountId, String postId, ContainerStatus status) {
      this.accountId = accountId;
      this.postId = postId;
      this.status = status;
    }
  }

  private final Object lock = new Object();
  private final Map<String, Container> containers = new HashMap<>();
  private final Map<Operation, Deque<PublisherResult<?>>> scripts = new EnumMap<>(Operation.class);
  private final List<PublishedMedia> published = new ArrayList<>();
  private final List<String> calls = new ArrayList<>();
  private final List<String> comments = new ArrayList<>();
  private final Map<String, Integer> publishLimits = new HashMap<>();
  private int publishLimitReads;
  private int lostPublishResponses;
  private int processingPolls;
  private long nextId = 1;

  /** A publisher on which everything succeeds until scripted otherwise. */
  public ScriptedPublisher() {}

  /**
   * Reports {@code state} as the publisher's circuit breaker ({@link Publisher#circuit()}), as an
   * adapter with a breaker would; {@code null} (the default) reports none.
   */
  public synchronized ScriptedPublisher circuit(@Nullable CircuitState state) {
    this.circuit = state;
    return this;
  }

  @Override
  public synchronized Optional<CircuitState> circuit() {
    return Optional.ofNullable(circuit);
  }

  /**
   * Answers {@code limit} as the account's live publishing limit ({@link Publisher#publishLimit},
   * POST-3); {@code null} (the default) answers none, so the dispatcher's policy default applies.
   * Reads are counted by {@link #publishLimitReads()}, not listed in {@link #calls()}.
   */
  public ScriptedPublisher publishLimit(String accountId, @Nullable Integer limit) {
    synchronized (lock) {
      if (limit == null) {
        publishLimits.remove(accountId);
      } else {
        publishLimits.put(accountId, limit);
      }
    }
    return this;
  }

  @Override
  public OptionalInt publishLimit(String accountId, Instant now) {
    synchronized (lock) {
      publishLimitReads++;
      Integer limit = publishLimits.get(accountId);
      return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
    }
  }

  /**
   * Makes the next call of {@code operation} return {@code result} instead of behaving normally.
   */
  public ScriptedPublisher script(Operation operation, PublisherResult<?> result) {
    if (operation == null) {
      throw new InvalidValueException("operation", null, "is required");
    }
    if (result == null) {
      throw new InvalidValueException("result", null, "is required");
    }
    synchronized (lock) {
      scripts.computeIfAbsent(operation, o -> new ArrayDeque<>()).add(result);
    }
    return this;
  }

  /**
   * Makes the next successful publish go out but report a transient timeout, as a lost response
   * does: the case POST-7's reconciliation exists for.
   */
  public ScriptedPublisher loseNextPublishResponse() {
    synchronized (lock) {
      lostPublishResponses++;
    }
    return this;
  }

  /**
   * Makes new containers report IN_PROGRESS for {@code polls} status calls before FINISHED, as
   * videos do while Instagram processes them; publishing before then fails as not ready.
   */
  public ScriptedPublisher processingPolls(int polls) {
    if (polls < 0) {
      throw new InvalidValueException("polls", polls, "must not be negative");
    }
    synchronized (lock) {
      processingPolls = polls;
    }
    return this;
  }

  /** Sets a container's status, e.g. {@link ContainerStatus#EXPIRED} or IN_PROGRESS. */
  public void setStatus(String containerId, ContainerStatus status) {
    synchronized (lock) {
      container(containerId).status = status;
    }
  }

  /** Every media that went out, in order. */
  public List<PublishedMedia> published() {
    synchronized (lock) {
      return List.copyOf(published);
    }
  }

  /** How many times the live publishing limit was read, for any account. */
  public int publishLimitReads() {
    synchronized (lock) {
      return publishLimitReads;
    }
  }

  /** Every call made, as {@code operation:argument}, in order. */
  public List<String> calls() {
    synchronized (lock) {
      return List.copyOf(calls);
    }
  }

  /** How many containers were created for {@code postId}. */
  public int containersCreatedFor(String postId) {
    synchronized (lock) {
      return (int) containers.values().stream().filter(c -> c.postId.equals(postId)).count();
    }
  }

  @Override
  public PublisherResult<String> createContainer(Post post, Instant now) {
    required(post, "post");
    required(now, "now");
    synchronized (lock) {
      calls.add("CREATE:" + post.id());
      PublisherResult<String> scripted = next(Operation.CREATE);
      if (scripted != null) {
        return scripted;
      }
      String id = "container-" + nextId++;
      Container c =
          new Container(
              post.accountId(),
              post.id(),
              processingPolls == 0 ? ContainerStatus.FINISHED : ContainerStatus.IN_PROGRESS);
      c.pollsUntilFinished = processingPolls;
      containers.put(id, c);
      return PublisherResult.success(id);
    }
  }

  @Override
  public PublisherResult<ContainerStatus> status(
      String accountId, String containerId, Instant now) {
    required(accountId, "accountId");
    required(containerId, "containerId");
    required(now, "now");
    synchronized (lock) {
      calls.add("STATUS:" + containerId);
      PublisherResult<ContainerStatus> scripted = next(Operation.STATUS);
      if (scripted != null) {
        return scripted;
      }
      Container c = containers.get(containerId);
      if (c == null || !c.accountId.equals(accountId)) {
        return PublisherResult.failure(OutcomeClass.NEW_CONTAINER, "2207006", "media not found");
      }
      if (c.status == ContainerStatus.IN_PROGRESS && c.pollsUntilFinished > 0) {
        if (--c.pollsUntilFinished == 0) {
          c.status = ContainerStatus.FINISHED;
        }
        return PublisherResult.success(ContainerStatus.IN_PROGRESS);
      }
      return PublisherResult.success(c.status);
    }
  }

  @Override
  public PublisherResult<String> publish(String accountId, String containerId, Instant now) {
    required(accountId, "accountId");
    required(containerId, "containerId");
    required(now, "now");
    synchronized (lock) {
      calls.add("PUBLISH:" + containerId);
      PublisherResult<String> scripted = next(Operation.PUBLISH);
      if (scripted != null) {
        return scripted;
      }
      Container c = containers.get(containerId);
      if (c == null || !c.accountId.equals(accountId)) {
        return PublisherResult.failure(OutcomeClass.NEW_CONTAINER, "2207006", "media not found");
      }
      switch (c.status) {
        case PUBLISHED:
          return PublisherResult.failure(OutcomeClass.PERMANENT, "506", "duplicate post");
        case EXPIRED:
        case ERROR:
          return PublisherResult.failure(OutcomeClass.NEW_CONTAINER, "2207020", "expired");
        case IN_PROGRESS:
          return PublisherResult.failure(OutcomeClass.NOT_READY, "2207027", "media not ready");
        case FINISHED:
          break;
      }
      c.status = ContainerStatus.PUBLISHED;
      String mediaId = "media-" + nextId++;
      published.add(new PublishedMedia(accountId, containerId, mediaId));
      if (lostPublishResponses > 0) {
        lostPublishResponses--;
        return PublisherResult.failure(OutcomeClass.TRANSIENT, "timeout", "response lost");
      }
      return PublisherResult.success(mediaId);
    }
  }

  @Override
  public PublisherResult<Reconciliation> reconcile(
      String accountId, String containerId, Instant now) {
    required(accountId, "accountId");
    required(containerId, "containerId");
    required(now, "now");
    synchronized (lock) {
      calls.add("RECONCILE:" + containerId);
      PublisherResult<Reconciliation> scripted = next(Operation.RECONCILE);
      if (scripted != null) {
        return scripted;
      }
      Container c = containers.get(containerId);
      if (c == null || !c.accountId.equals(accountId)) {
        return PublisherResult.success(Reconciliation.CONTAINER_EXPIRED);
      }
      return PublisherResult.success(
          switch (c.status) {
            case PUBLISHED -> Reconciliation.PUBLISHED;
            case EXPIRED, ERROR -> Reconciliation.CONTAINER_EXPIRED;
            case IN_PROGRESS, FINISHED -> Reconciliation.NOT_PUBLISHED;
          });
    }
  }

  @Override
  public PublisherResult<String> comment(
      String accountId, String mediaId, String text, Instant now) {
    required(accountId, "accountId");
    required(mediaId, "mediaId");
    required(text, "text");
    required(now, "now");
    synchronized (lock) {
      calls.add("COMMENT:" + mediaId);
      PublisherResult<String> scripted = next(Operation.COMMENT);
      if (scripted != null) {
        return scripted;
      }
      boolean known =
          published.stream()
              .anyMatch(m -> m.mediaId().equals(mediaId) && m.accountId().equals(accountId));
      if (!known) {
        return PublisherResult.failure(OutcomeClass.PERMANENT, "100", "unknown media " + mediaId);
      }
      comments.add(mediaId + ": " + text);
      return PublisherResult.success("comment-" + nextId++);
    }
  }

  /** Comments posted, as {@code "MEDIA_ID: text"}, in order. */
  public List<String> comments() {
    synchronized (lock) {
      return List.copyOf(comments);
    }
  }

  @SuppressWarnings("unchecked") // scripts are typed by the caller for the operation they name
  private <T> @Nullable PublisherResult<T> next(Operation operation) {
    Deque<PublisherResult<?>> queue = scripts.get(operation);
    return queue == null ? null : (PublisherResult<T>) queue.poll();
  }

  private Container container(String containerId) {
    Container c = containers.get(required(containerId, "containerId"));
    if (c == null) {
      throw new InvalidValueException("containerId", containerId, "no such container");
    }
    return c;
  }

  private static <T> T required(@Nullable T value, String field) {
    if (value == null) {
      throw new InvalidValueException(field, null, "is required");
    }
    return value;
  }
}
