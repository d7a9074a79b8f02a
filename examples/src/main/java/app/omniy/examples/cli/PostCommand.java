package app.omniy.examples.cli;

import app.omniy.core.post.Post;
import app.omniy.core.post.PostValidator;
import app.omniy.core.post.Violation;
import app.omniy.files.PostFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code omniy post}: tools for scheduled posts. */
@Command(
    name = "post",
    mixinStandardHelpOptions = true,
    description = "Tools for scheduled posts.",
    subcommands = {PostCommand.Check.class})
final class PostCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "Missing a command: check");
  }

  /** {@code omniy post check FILE.json}. */
  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = {
        "Validates one scheduled post against Instagram's limits (POST-2) and prints every"
            + " violation with its code and field; exits with 1 when there is any.",
        "",
        "FILE.json mirrors the core post model:",
        "  {\"id\": \"spring-sale-1\", \"accountId\": \"17841400000000001\",",
        "   \"media\": {\"type\": \"image\", \"url\": \"https://cdn.example/a.jpg\","
            + " \"format\": \"JPEG\",",
        "             \"width\": 1080, \"height\": 1350, \"bytes\": 512000},",
        "   \"caption\": \"...\", \"userTags\": [{\"username\": \"a\", \"x\": 0.5, \"y\": 0.5}],",
        "   \"firstComment\": \"...\", \"publishAt\": \"2026-04-01T09:00:00+09:00\","
            + " \"zone\": \"Asia/Tokyo\"}",
        "media.type: image | reel (add \"duration\": \"PT30S\") | carousel (\"items\": [...],"
            + " each with type image or video).",
        "caption, userTags, firstComment and zone are optional; publishAt needs an offset."
      })
  static final class Check implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE.json", description = "The post to check.")
    Path file;

    @Option(
        names = "--now",
        paramLabel = "INSTANT",
        converter = OptionValues.AnInstant.class,
        description =
            "Check the publish time as if it were this instant (ISO-8601, e.g."
                + " 2026-04-01T00:00:00Z); default: now.")
    @Nullable Instant now;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Post post = PostFile.read(file);
      Instant at = now != null ? now : Clock.systemUTC().instant();
      List<Violation> violations = PostValidator.withDefaults().check(post, at);
      for (Violation violation : violations) {
        out.println(
            TerminalText.escape(
                violation.code()
                    + " "
                    + violation.field()
                    + " = '"
                    + shortened(violation.value())
                    + "': "
                    + violation.message()));
      }
      if (!violations.isEmpty()) {
        out.println(violations.size() + (violations.size() == 1 ? " violation" : " violations"));
        return OmniyCli.REJECTED;
      }
      out.println(
          TerminalText.escape(
              "valid: post "
                  + post.id()
                  + " for account "
                  + post.accountId()
                  + " publishes at "
                  + post.publishAt()
                  + " ("
                  + post.zone()
                  + ")"));
      return 0;
    }

    /** A 2,201-character caption is the reason, not something to print in full. */
    private static String shortened(String value) {
      return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
  }
}
