package app.omniy.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.post.Post;
import app.omniy.core.post.PostValidator;
import app.omniy.core.post.Violation;
import app.omniy.files.PostFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Post JSON, as {@code omniy post check} reads it: any bytes either become a post that the POST-2
 * validator then checks without failing, or a documented refusal.
 */
class PostFileFuzzTest {
  private static final Path FILE = Path.of("post.json");
  private static final Instant NOW = Instant.parse("2026-03-31T00:00:00Z");

  @FuzzTest(maxDuration = "10s")
  void post_files_are_parsed_and_checked_or_refused_with_a_documented_error(byte[] content) {
    AtomicReference<Post> post = new AtomicReference<>();
    if (Documented.accepts(() -> post.set(PostFile.parse(FILE, content)))) {
      List<Violation> violations = PostValidator.withDefaults().check(post.get(), NOW);
      assertThat(violations)
          .allSatisfy(v -> assertThat(v.code()).isNotNull())
          .allSatisfy(v -> assertThat(v.field()).isNotBlank());
    }
  }
}
