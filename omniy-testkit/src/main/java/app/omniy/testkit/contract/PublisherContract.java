package app.omniy.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.post.Post;
import app.omniy.core.post.spi.ContainerStatus;
import app.omniy.core.post.spi.OutcomeClass;
import app.omniy.core.post.spi.Publisher;
import app.omniy.core.post.spi.PublisherResult;
import app.omniy.core.post.spi.Reconciliation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Publisher} must have towards the dispatcher (POST-5, POST-7): results
 * are classified, never thrown; a finished container publishes once; a second publish of the same
 * container never produces a second media; reconciliation tells a published container from one that
 * was not. Extend it with a publisher whose account accepts {@link #publishablePost(String)}.
 */
public abstract class PublisherContract {
  /** A fixed instant the tests run at. */
  protected static final Instant NOW = Instant.parse("2026-04-01T00:00:00Z");

  /** The publisher under test. */
  protected Publisher publisher;

  /** A fresh publisher for each test. */
  protected abstract Publisher newPublisher();

  /** A post the publisher's account accepts, with id {@code id}. */
  protected abstract Post publishablePost(String id);

  /** How many status polls a new container may need before it is FINISHED; 1 by default. */
  protected int maxPollsUntilFinished() {
    return 1;
  }

  @BeforeEach
  void createPublisher() {
    publisher = newPublisher();
  }

  private String createdContainer(Post post) {
    PublisherResult<String> created = publisher.createContainer(post, NOW);
    assertThat(created.isSuccess()).as("create: %s", created).isTrue();
    return created.value();
  }

  private String finishedContainer(Post post) {
    String container = createdContainer(post);
    ContainerStatus status = null;
    for (int i = 0; i < maxPollsUntilFinished() && status != ContainerStatus.FINISHED; i++) {
      status = publisher.status(post.accountId(), container, NOW).value();
    }
    assertThat(status).isEqualTo(ContainerStatus.FINISHED);
    return container;
  }

  @Nested
  class Creating {
    @Test
    void creating_a_container_returns_its_id() {
      PublisherResult<String> created = publisher.createContainer(publishablePost("p1"), NOW);

      assertThat(created.outcome()).isEqualTo(OutcomeClass.SUCCESS);
      assertThat(created.value()).isNotBlank();
    }

    @Test
    void every_container_has_its_own_id_also_when_created_concurrently() throws Exception {
      int threads = 6;
      CyclicBarrier start = new CyclicBarrier(threads);
      List<Callable<String>> creators = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Post post = publishablePost("p-" + t);
        creators.add(
            () -> {
              start.await(10, TimeUnit.SECONDS);
              return createdContainer(post);
            });
      }

      assertThat(Concurrently.runAll(creators)).hasSize(threads).doesNotHaveDuplicates();
    }

    @Test
    void a_new_container_becomes_finished() {
      Post post = publishablePost("p1");

      assertThat(finishedContainer(post)).isNotBlank();
    }
  }

  @Nested
  class Publishing {
    @Test
    void a_finished_container_publishes_and_returns_the_media_id() {
      Post post = publishablePost("p1");
      String container = finishedContainer(post);

      PublisherResult<String> published = publisher.publish(post.accountId(), container, NOW);

      assertThat(published.isSuccess()).isTrue();
      assertThat(published.value()).isNotBlank();
    }

    @Test
    void publishing_the_same_container_twice_never_yields_a_second_media() {
      Post post = publishablePost("p1");
      String container = finishedContainer(post);
      publisher.publish(post.accountId(), container, NOW);

      PublisherResult<String> again = publisher.publish(post.accountId(), container, NOW);

      assertThat(again.isSuccess()).isFalse();
      assertThat(again.outcome()).isNotNull();
    }

    @Test
    void the_first_comment_goes_on_the_media_that_publish_returned() {
      Post post = publishablePost("p1");
      String media = publisher.publish(post.accountId(), finishedContainer(post), NOW).value();

      PublisherResult<String> comment = publisher.comment(post.accountId(), media, "first!", NOW);

      assertThat(comment.isSuccess()).as("comment: %s", comment).isTrue();
      assertThat(comment.value()).isNotBlank();
    }

    @Test
    void an_unknown_container_is_a_classified_failure_not_an_exception() {
      Post post = publishablePost("p1");

      PublisherResult<String> result =
          publisher.publish(post.accountId(), "no-such-container", NOW);

      assertThat(result.isSuccess()).isFalse();
      assertThat(result.value()).isNull();
    }
  }

  @Nested
  class Reconciling {
    @Test
    void a_published_container_reconciles_as_published() {
      Post post = publishablePost("p1");
      String container = finishedContainer(post);
      publisher.publish(post.accountId(), container, NOW);

      assertThat(publisher.reconcile(post.accountId(), container, NOW).value())
          .isEqualTo(Reconciliation.PUBLISHED);
      assertThat(publisher.status(post.accountId(), container, NOW).value())
          .isEqualTo(ContainerStatus.PUBLISHED);
    }

    @Test
    void a_container_that_was_not_published_reconciles_as_not_published() {
      Post post = publishablePost("p1");
      String container = finishedContainer(post);

      assertThat(publisher.reconcile(post.accountId(), container, NOW).value())
          .isEqualTo(Reconciliation.NOT_PUBLISHED);
    }
  }

  @Nested
  class Quota {
    @Test
    void a_live_publish_limit_is_positive_when_there_is_one() {
      Post post = publishablePost("p1");

      OptionalInt limit = publisher.publishLimit(post.accountId(), NOW);

      // Empty is the "cannot say" answer (POST-3: the policy's default applies); never zero.
      limit.ifPresent(total -> assertThat(total).isPositive());
    }
  }

  @Nested
  class BadInput {
    @Test
    void missing_arguments_name_the_field() {
      assertThatThrownBy(() -> publisher.createContainer(null, NOW))
          .isInstanceOf(InvalidValueException.class)
          .hasMessageStartingWith("post");
      assertThatThrownBy(() -> publisher.publish("acct", null, NOW))
          .isInstanceOf(InvalidValueException.class)
          .hasMessageStartingWith("containerId");
      assertThatThrownBy(() -> publisher.reconcile("acct", "c", null))
          .isInstanceOf(InvalidValueException.class)
          .hasMessageStartingWith("now");
    }
  }
}
