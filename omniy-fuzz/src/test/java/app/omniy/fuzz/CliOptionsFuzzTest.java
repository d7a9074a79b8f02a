package app.omniy.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.examples.cli.OmniyCli;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code omniy} command line: every command that takes values from its user ({@code
 * sla-credit}, {@code sla-report}, {@code rules check}, {@code rules eval}, {@code post check},
 * {@code trial}, and none at all), run in-process through {@link OmniyCli#run} with generated
 * option values — the documented edges of each option and any text — in the forms a shell passes
 * them ({@code --opt value}, {@code --opt=value}, an option without its value, twice, an extra
 * word), and files that are good, bad, missing, a directory or no path at all.
 *
 * <p>Passes when the exit code is one the README documents for the input — 0 done, 1 rejected input
 * (on stderr, each line {@code omniy: …} naming what to fix; for {@code post check}, the violations
 * counted on stdout), 2 a wrong command line (the first stderr line naming the option or argument)
 * — never 70 (a bug in omniy); no message speaks Java (a class name, outside the input it quotes);
 * no stack trace; no raw control character on either stream (the CLI escapes them); and the command
 * returns within {@link #BOUND}. The trial always gets an {@code --out} that is a file, so its
 * settings are read and checked but no month is simulated, and {@code rules eval} is kept to at
 * most {@value #MAX_EVALUATIONS} evaluations: an input is about the parsing, not how long a
 * legitimately long replay takes.
 */
class CliOptionsFuzzTest {
  /** Far above the milliseconds a command here takes: a hang, not a slow machine. */
  private static final Duration BOUND = Duration.ofSeconds(30);

  private static final long MAX_EVALUATIONS = 20_000;
  private static final Instant FIRST_SAMPLE = Instant.parse("2026-03-02T09:00:00Z");

  private static final Path DIR = Path.of("target", "cli-fuzz");
  private static final Path DOWNTIME = DIR.resolve("downtime.yaml");
  private static final Path BAD_DOWNTIME = DIR.resolve("bad-downtime.yaml");
  private static final Path RULES = DIR.resolve("rules.yaml");
  private static final Path BAD_RULES = DIR.resolve("bad-rules.yaml");
  private static final Path SAMPLES = DIR.resolve("samples.csv");
  private static final Path SAMPLES_OUT_OF_ORDER = DIR.resolve("samples-out-of-order.csv");
  private static final Path BAD_SAMPLES = DIR.resolve("bad-samples.csv");
  private static final Path POST = DIR.resolve("post.json");
  private static final Path INVALID_POST = DIR.resolve("invalid-post.json");
  private static final Path MALFORMED_POST = DIR.resolve("malformed-post.json");
  private static final Path A_FILE = DIR.resolve("a-file");

  static {
    try {
      Files.createDirectories(DIR.resolve("a-directory"));
      Files.writeString(
          DOWNTIME,
          """
          zone: Asia/Tokyo
          periods:
            - start: 2026-04-10T10:00:00+09:00
              end: 2026-04-10T10:50:00+09:00
              cause: incident
              note: "failover \\e[31m red \\u202E reversed"
            - start: 2026-04-12T02:00:00Z
              end: 2026-04-12T04:00:00Z
              cause: planned-maintenance
              target: core-api
          """);
      Files.writeString(
          BAD_DOWNTIME,
          """
          periods:
            - start: 2026-04-10T10:00:00
              end: "\\e]0;title\\a"
              cause: incident
          """);
      Files.writeString(
          RULES,
          """
          critical:
            "stop \\e[2J":
              id: ALERT-C1
              metric: http.server.requests
              share-of: {status: "5xx"}
              above: 10%
              over: 5m
              min-samples: 20
              notify: [slack, sms, email]
              respond-within: 15m
          warning:
            slow:
              id: ALERT-W1
              metric: omniy.api.latency
              group-by: [path]
              percentile: 95
              above: 2s
              for: 15m
              notify: [slack]
              respond-within: 1h
          """);
      Files.writeString(BAD_RULES, "critical:\n  x:\n    id: \"\\e[2J\"\n    above: lots\n");
      String samples =
          """
          time,metric,tags,kind,value
          2026-03-02T09:00:00Z,http.server.requests,status=200,count,88
          2026-03-02T09:00:10Z,http.server.requests,status=503,count,12
          2026-03-02T09:01:00Z,omniy.api.latency,path=/\u001b[31m,value,2.4
          2026-03-02T09:02:50Z,http.server.requests,status=200,count,1
          """;
      Files.writeString(SAMPLES, samples);
      List<String> lines = new ArrayList<>(samples.lines().toList());
      java.util.Collections.reverse(lines);
      Files.write(SAMPLES_OUT_OF_ORDER, lines);
      Files.writeString(
          BAD_SAMPLES, "2026-03-02T09:00:00Z,m\u001b[31m,,value,x\n1e9,,a,count,-1\n,,,,,\n");
      Files.writeString(
          POST,
          """
          {"id": "fuzz-1", "accountId": "17841400000000001",
           "media": {"type": "image", "url": "https://cdn.example/a.jpg", "format": "JPEG",
                     "width": 1080, "height": 1350, "bytes": 512000},
           "caption": "spring \\u001b[31m sale", "publishAt": "2026-04-01T09:00:00+09:00"}
          """);
      Files.writeString(
          INVALID_POST,
          """
          {"id": "fuzz-\\u001b", "accountId": "17841400000000001",
           "media": {"type": "image", "url": "http://cdn.example/a.gif", "format": "GIF",
                     "width": 10, "height": 99999, "bytes": 99999999999},
           "caption": "#a #b #c", "publishAt": "2020-04-01T09:00:00+09:00"}
          """);
      Files.writeString(MALFORMED_POST, "{\"id\": \"\u001b[2J");
      Files.writeString(A_FILE, "not a directory\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final String[] MONTHS = {
    "2026-04",
    "2000-01",
    "2099-12",
    "1999-12",
    "2100-01",
    "2026-13",
    "2026-00",
    "2026-4",
    "+2026-04",
    "-2026-04",
    " 2026-04 ",
    "99999-01",
    "2026-04\u001b[31m",
    "２０２６-04",
    "",
  };
  private static final String[] AMOUNTS = {
    "1980",
    "9.99",
    "19.99",
    "0",
    "0.00",
    "1e3",
    "-5",
    "1980.5",
    "1.005",
    "999999999999999",
    "1000000000000000",
    "00001980",
    ".5",
    "5.",
    "1,980",
    "NaN",
    "1".repeat(400),
    "0." + "0".repeat(300) + "1",
  };
  private static final String[] CURRENCIES = {
    "JPY", "USD", "EUR", "BHD", "CLF", "XAU", "XXX", "XTS", "jpy", "ZZZ", "", "J\u0000Y", "US",
  };
  private static final String[] PERCENTS = {
    "99.95",
    "100",
    "100.0000",
    "100.0001",
    "0",
    "99.99999",
    "99.8842",
    "-1",
    "1e2",
    "NaN",
    "99,95",
    "0." + "9".repeat(400),
  };
  private static final String[] ZONES = {
    "Asia/Tokyo",
    "UTC",
    "Z",
    "+09:00",
    "+18:00",
    "+19:00",
    "GMT+9",
    "UTC+14:00",
    "Mars/Olympus",
    "../../etc/passwd",
    "SystemV/EST5",
    "EST",
    "",
    "Asia/Tokyo\u0000",
  };
  private static final String[] DATES = {
    "2026-05-31",
    "2026-06-01",
    "2026-02-30",
    "2026-5-1",
    "0000-01-01",
    "+999999999-12-31",
    "-999999999-01-01",
    "+1000000000-01-01",
    "2026-05-31T00:00:00Z",
    "",
  };
  private static final String[] STEPS = {
    "PT1M",
    "PT1S",
    "P1D",
    "PT24H",
    "PT0.999S",
    "PT24H0.001S",
    "PT1.0005S",
    "PT0S",
    "-PT1M",
    "PT-1S",
    "P1DT1S",
    "PT2562047788015215H",
    "P106751991167301D",
    "pt1m",
    "PT1M ",
    "",
  };
  private static final String[] INSTANTS = {
    "2026-03-02T10:00:00Z",
    "2026-03-02T09:00:00Z",
    "2026-03-01T00:00:00Z",
    "2027-03-03T09:00:00Z",
    "2027-03-03T09:00:00.001Z",
    "1969-12-31T23:59:59Z",
    "1970-01-01T00:00:00Z",
    "9999-12-31T23:59:59Z",
    "+10000-01-01T00:00:00Z",
    "+1000000000-01-01T00:00:00Z",
    "2026-03-02T10:00:00+09:00",
    "2026-03-02",
    "",
  };
  private static final String[] COUNTS = {
    "1",
    "6",
    "100",
    "101",
    "20000",
    "20001",
    "0",
    "-1",
    "2147483647",
    "2147483648",
    "1e3",
    "0x10",
    "+5",
    " 5",
    "５",
    "",
  };
  private static final String[] RATES = {
    "0",
    "0.02",
    "0.5",
    "0.5000001",
    "-0",
    "-0.0",
    "NaN",
    "Infinity",
    "-Infinity",
    "1e-400",
    "0x1p-2",
    "0.02d",
    "0.02f",
    "1e400",
    "",
  };
  private static final String[] SEEDS = {
    "1", "-9223372036854775808", "9223372036854775807", "9223372036854775808", "0x7f", "",
  };

  @FuzzTest(maxDuration = "10s")
  void every_command_line_is_run_or_refused_naming_the_option(FuzzedDataProvider data) {
    Args args = new Args(data);
    switch (data.consumeInt(0, 6)) {
      case 0 -> slaCredit(args);
      case 1 -> slaReport(args);
      case 2 -> rulesEval(args);
      case 3 -> {
        args.words("rules", "check");
        args.file(RULES, BAD_RULES, SAMPLES);
      }
      case 4 -> {
        args.words("post", "check");
        args.file(POST, INVALID_POST, MALFORMED_POST);
        args.option("--now", INSTANTS);
      }
      case 5 -> trial(args);
      default -> {
        int words = data.consumeInt(0, 3);
        for (int i = 0; i < words; i++) {
          args.words(
              data.consumeBoolean()
                  ? data.pickValue(
                      new String[] {"rules", "post", "help", "trial", "--help", "--version", "-"})
                  : data.consumeString(12));
        }
        if (args.list.contains("trial")) {
          args.words("--out", A_FILE.toString()); // never a month simulated, as below
        }
      }
    }
    args.extra();
    run(args);
  }

  private static void slaCredit(Args args) {
    args.words("sla-credit");
    args.option("--month", MONTHS);
    args.option("--fee", AMOUNTS);
    args.option("--currency", CURRENCIES);
    if (args.data.consumeBoolean()) {
      args.option("--uptime", PERCENTS);
    } else {
      args.fileOption("--downtime", DOWNTIME, BAD_DOWNTIME, POST);
    }
    args.option("--requested-on", DATES);
    args.option("--zone", ZONES);
    args.flag("--json");
  }

  private static void slaReport(Args args) {
    args.words("sla-report");
    args.option("--month", MONTHS);
    args.fileOption("--downtime", DOWNTIME, BAD_DOWNTIME, RULES);
    args.option("--fee", AMOUNTS);
    args.option("--currency", CURRENCIES);
    args.option("--zone", ZONES);
    args.flag("--json");
    args.flag("--md");
  }

  private static void rulesEval(Args args) {
    args.words("rules", "eval");
    args.file(RULES, BAD_RULES, DOWNTIME);
    args.fileOption("--samples", SAMPLES, SAMPLES_OUT_OF_ORDER, BAD_SAMPLES);
    String every = args.option("--every", STEPS);
    String until = args.option("--until", INSTANTS);
    if (until != null && evaluations(every == null ? "PT1M" : every, until) > MAX_EVALUATIONS) {
      args.replace(until, "2026-03-02T10:00:00Z");
    }
  }

  /** The evaluations a replay of the samples to {@code until} would run, as the CLI reads both. */
  private static long evaluations(String every, String until) {
    try {
      Duration step = Duration.parse(every.strip());
      Instant end = Instant.parse(until.strip());
      if (step.toMillis() <= 0 || !end.isAfter(FIRST_SAMPLE)) {
        return 0;
      }
      return Duration.between(FIRST_SAMPLE, end).toMillis() / step.toMillis();
    } catch (DateTimeParseException | ArithmeticException e) {
      return 0;
    }
  }

  private static void trial(Args args) {
    args.words("trial");
    args.option("--month", MONTHS);
    args.option("--posts", COUNTS);
    args.option("--accounts", COUNTS);
    args.option("--fault-rate", RATES);
    args.option("--outage", COUNTS);
    args.option("--seed", SEEDS);
    args.flag("--json");
    // A file, not a directory: the settings are checked, then the trial is refused before it
    // simulates a month.
    args.words("--out", A_FILE.toString());
  }

  private static void run(Args args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] argv = args.list.toArray(new String[0]);
    long start = System.nanoTime();
    int code = OmniyCli.run(new PrintWriter(out, true), new PrintWriter(err, true), argv);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    String stdout = out.toString();
    String stderr = err.toString();
    String what = String.join(" ", args.list) + " -> " + code + "\n" + stderr + stdout;

    assertThat(took).as("time of %s", what).isLessThan(BOUND);
    assertThat(code).as("an internal error: %s", what).isNotEqualTo(OmniyCli.INTERNAL_ERROR);
    assertThat(code).as("exit code of %s", what).isIn(0, OmniyCli.REJECTED, OmniyCli.USAGE);
    requireSafe(stdout, args, what);
    requireSafe(stderr, args, what);
    List<String> errLines = stderr.lines().toList();
    switch (code) {
      case 0 -> assertThat(stdout).as("what %s printed", what).isNotBlank();
      case OmniyCli.REJECTED -> {
        if (errLines.isEmpty()) {
          // post check: the violations, on stdout, with their count.
          assertThat(stdout.lines().reduce((a, b) -> b).orElse(""))
              .as("the last line of %s", what)
              .matches("[0-9]+ violations?");
        } else {
          // One line naming what to fix; for a file, then one line per problem.
          assertThat(errLines.get(0))
              .as("a rejection by %s", what)
              .startsWith("omniy: ")
              .hasSizeGreaterThan(8);
          for (String line : errLines) {
            assertThat(line).as("a rejection by %s", what).isNotBlank();
            requireWords(line, args, what);
          }
        }
      }
      default -> {
        String first = errLines.isEmpty() ? "" : errLines.get(0);
        assertThat(first).as("the usage error of %s", what).matches(NAMES_AN_ARGUMENT);
        requireWords(first, args, what);
      }
    }
  }

  /**
   * What the first line of a usage error must name: an option, a parameter by its label, or the
   * word that is not one (picocli's "Unmatched argument", "Unknown option", "Unknown subcommand",
   * "Missing a command").
   */
  private static final Pattern NAMES_AN_ARGUMENT =
      Pattern.compile(
          ".*(--[a-z]|'-[a-zA-Z]|FILE|CSV|Unmatched argument|Unknown option|Unknown subcommand"
              + "|Missing a command).*");

  private static final Pattern STACK_FRAME =
      Pattern.compile("(?m)^\\s+at [\\w$.]+\\(|^Caused by: |Exception in thread");

  /**
   * No raw control characters (line breaks and tabs aside) and no stack trace, outside the input
   * the output quotes.
   */
  private static void requireSafe(String text, Args args, String what) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\n' && c != '\t' && unsafe(c)) {
        throw new AssertionError(
            String.format("a raw U+%04X at %d of the output of %s", (int) c, i, what));
      }
    }
    assertThat(STACK_FRAME.matcher(withoutInput(text, args)).find())
        .as("a stack trace from %s", what)
        .isFalse();
  }

  /**
   * The line without the input it quotes (as the CLI prints it, escaped), which may hold anything,
   * must not speak Java.
   */
  private static void requireWords(String line, Args args, String what) {
    if (Documented.speaksJava(withoutInput(line, args))) {
      throw new AssertionError("speaks Java to the user: " + line + "\nin " + what);
    }
  }

  /**
   * {@code text} without the input it quotes or echoes (as the CLI prints it, escaped): quoted, any
   * value; unquoted, a value of three characters or more.
   */
  private static String withoutInput(String text, Args args) {
    String rest = text;
    List<String> inputs = new ArrayList<>(args.inputs);
    inputs.sort(Comparator.comparingInt(String::length).reversed());
    for (String input : inputs) {
      String shown = escape(input);
      rest = rest.replace("'" + shown + "'", "''");
      if (shown.strip().length() >= 3) {
        rest = rest.replace(shown.strip(), "''");
      }
    }
    return rest;
  }

  /** As the CLI escapes text it prints (its {@code TerminalText}). */
  private static String escape(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      out.append(unsafe(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return out.toString();
  }

  private static boolean unsafe(char c) {
    return Character.isISOControl(c)
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069');
  }

  /** A command line being built, with every value put in it. */
  private static final class Args {
    final FuzzedDataProvider data;
    final List<String> list = new ArrayList<>();
    final List<String> inputs = new ArrayList<>();

    Args(FuzzedDataProvider data) {
      this.data = data;
    }

    void words(String... words) {
      for (String word : words) {
        list.add(word);
        inputs.add(word);
      }
    }

    /**
     * Mostly the option with a value, an edge or any text, as two words or one with '='; sometimes
     * left out, given without its value, or given twice. Returns the value given, or null.
     */
    String option(String name, String[] edges) {
      int form = data.consumeInt(0, 9);
      if (form == 0) {
        return null;
      }
      if (form == 1) {
        list.add(name);
        return null;
      }
      String value = data.consumeInt(0, 3) == 0 ? data.consumeString(24) : data.pickValue(edges);
      inputs.add(value);
      if (form == 2) {
        list.add(name + "=" + value);
      } else {
        list.add(name);
        list.add(value);
      }
      if (form == 3) {
        list.add(name);
        list.add(value);
      }
      return value;
    }

    void fileOption(String name, Path good, Path bad, Path other) {
      if (data.consumeInt(0, 9) == 0) {
        return;
      }
      list.add(name);
      file(good, bad, other);
    }

    /** A file: good, bad, of another kind, missing, a directory, or any text. */
    void file(Path good, Path bad, Path other) {
      String path =
          switch (data.consumeInt(0, 9)) {
            case 0 -> bad.toString();
            case 1 -> other.toString();
            case 2 -> DIR.resolve("missing.yaml").toString();
            case 3 -> DIR.resolve("a-directory").toString();
            case 4 -> data.pickValue(new String[] {"", "-", "a\u0000b", "--json", "\u001b[2J"});
            case 5 -> data.consumeString(16);
            default -> good.toString();
          };
      list.add(path);
      inputs.add(path);
    }

    void flag(String name) {
      if (data.consumeInt(0, 3) == 0) {
        list.add(name);
      }
    }

    /** Sometimes one more word, anywhere. */
    void extra() {
      if (data.consumeInt(0, 7) == 0) {
        String word = data.consumeString(12);
        list.add(data.consumeInt(0, list.size()), word);
        inputs.add(word);
      }
    }

    void replace(String value, String with) {
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i).equals(value)) {
          list.set(i, with);
        } else if (list.get(i).endsWith("=" + value)) {
          list.set(i, list.get(i).substring(0, list.get(i).length() - value.length()) + with);
        }
      }
      inputs.add(with);
    }
  }
}
