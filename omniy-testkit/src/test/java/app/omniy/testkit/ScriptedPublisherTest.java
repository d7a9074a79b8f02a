package app.omniy.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.post.Media;
import app.omniy.core.post.MediaItem;
import app.omniy.core.post.Post;
import app.omniy.core.post.spi.ContainerStatus;
import app.omniy.core.post.spi.OutcomeClass;
import app.omniy.core.post.spi.PublisherResult;
import app.omniy.core.post.spi.Reconciliation;
import app.omniy.testkit.ScriptedPublisher.Operation;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The scripted publisher's scripting, beyond the Publisher contract it also passes. */
class ScriptedPublisherTest {
  private static final Instant NOW = Instant.parse("2026-04-01T00:00:00Z");
  private final ScriptedPublisher publisher = new ScriptedPublisher();
  private final Post post =
      Post.builder("p1", "acct")
          .media(Media.image(MediaItem.image("https://x/a.jpg", "JPEG", 1080, 1080, 1)))
          .publishAt(NOW)
          .zone(ZoneId.of("UTC"))
          .build();

  @Test
  void scripted_results_come_first_then_normal_behaviour_resumes() {
    publisher.script(
        Operation.CREATE, PublisherResult.failure(OutcomeClass.TRANSIENT, "2207001", "x"));

    assertThat(publisher.createContainer(post, NOW).outcome()).isEqualTo(OutcomeClass.TRANSIENT);
    assertThat(publisher.createContainer(post, NOW).isSuccess()).isTrue();
    assertThat(publisher.containersCreatedFor("p1")).isEqualTo(1);
    assertThat(publisher.calls()).containsExactly("CREATE:p1", "CREATE:p1");
  }

  @Test
  void a_lost_publish_response_still_publishes_and_reconciles_as_published() {
    String container = publisher.createContainer(post, NOW).value();
    publisher.loseNextPublishResponse();

    PublisherResult<String> result = publisher.publish("acct", container, NOW);

    assertThat(result.outcome()).isEqualTo(OutcomeClass.TRANSIENT);
    assertThat(publisher.published()).hasSize(1);
    assertThat(publisher.reconcile("acct", container, NOW).value())
        .isEqualTo(Reconciliation.PUBLISHED);
  }

  @Test
  void expired_and_processing_containers_are_classified_like_instagram_does() {
    String expired = publisher.createContainer(post, NOW).value();
    String processing = publisher.createContainer(post, NOW).value();
    publisher.setStatus(expired, ContainerStatus.EXPIRED);
    publisher.setStatus(processing, ContainerStatus.IN_PROGRESS);

    assertThat(publisher.publish("acct", expired, NOW).outcome())
        .isEqualTo(OutcomeClass.NEW_CONTAINER);
    assertThat(publisher.reconcile("acct", expired, NOW).value())
        .isEqualTo(Reconciliation.CONTAINER_EXPIRED);
    assertThat(publisher.publish("acct", processing, NOW).outcome())
        .isEqualTo(OutcomeClass.NOT_READY);
    assertThat(publisher.published()).isEmpty();
  }

  @Test
  void a_container_of_another_account_is_not_found() {
    String container = publisher.createContainer(post, NOW).value();

    assertThat(publisher.publish("other", container, NOW).isSuccess()).isFalse();
    assertThat(publisher.published()).isEmpty();
  }

  @Test
  void a_processing_container_finishes_after_the_configured_polls_and_cannot_publish_before() {
    publisher.processingPolls(2);
    String container = publisher.createContainer(post, NOW).value();

    assertThat(publisher.publish("acct", container, NOW).outcome())
        .isEqualTo(OutcomeClass.NOT_READY);
    assertThat(publisher.status("acct", container, NOW).value())
        .isEqualTo(ContainerStatus.IN_PROGRESS);
    assertThat(publisher.status("acct", container, NOW).value())
        .isEqualTo(ContainerStatus.IN_PROGRESS);
    assertThat(publisher.status("acct", container, NOW).value())
        .isEqualTo(ContainerStatus.FINISHED);
    assertThat(publisher.publish("acct", container, NOW).isSuccess()).isTrue();
  }
}
