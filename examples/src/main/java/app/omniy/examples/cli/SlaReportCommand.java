package app.omniy.examples.cli;

import app.omniy.core.Money;
import app.omniy.core.sla.Availability;
import app.omniy.core.sla.CreditPolicy;
import app.omniy.core.sla.CreditRequests;
import app.omniy.core.sla.DowntimePeriod;
import app.omniy.core.sla.SlaMonth;
import app.omniy.core.sla.SlaReport;
import app.omniy.core.sla.SlaReportMarkdown;
import app.omniy.files.DowntimeFile;
import app.omniy.files.SlaJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code omniy sla-report}: the monthly SLA report (SLA-8) from a downtime file: every target,
 * measured value, met or missed, error budget used, periods with causes and the credit.
 */
@Command(
    name = "sla-report",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Prints the monthly SLA report (SLA-8) from a downtime file: each target, its measured "
          + "value, met or missed, error budget used, the periods with causes and the credit.",
      "Exit codes: 0 done; 1 rejected input (a bad downtime file, a fee its currency cannot"
          + " hold, an unknown currency or zone); 2 a wrong command line (such as a month or"
          + " amount that is not one); 70 a bug in omniy."
    })
final class SlaReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--month",
      required = true,
      paramLabel = "YYYY-MM",
      converter = OptionValues.Month.class,
      description = "The month, 2000-01 to 2099-12.")
  YearMonth month;

  @Option(
      names = "--downtime",
      required = true,
      paramLabel = "FILE",
      description = "The downtime file (YAML).")
  Path downtime;

  @ArgGroup(exclusive = false)
  @Nullable Fee fee;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      description = "Zone of the month; overrides the file's zone. Default: Asia/Tokyo.")
  @Nullable String zone;

  @ArgGroup(exclusive = true)
  @Nullable Format format;

  /** The monthly fee: both or neither. */
  static final class Fee {
    @Option(
        names = "--fee",
        required = true,
        paramLabel = "AMOUNT",
        converter = OptionValues.Amount.class,
        description =
            "Monthly fee: positive, at most 15 digits and the currency's decimals (JPY none).")
    BigDecimal amount;

    @Option(
        names = "--currency",
        required = true,
        paramLabel = "CCY",
        description = "ISO 4217 code of the fee.")
    String currency;
  }

  /** The output format; plain text when neither is given. */
  static final class Format {
    @Option(names = "--json", required = true, description = "Print one JSON object.")
    boolean json;

    @Option(names = "--md", required = true, description = "Print Markdown.")
    boolean markdown;
  }

  @Override
  public Integer call() {
    Money monthlyFee = fee == null ? null : OptionValues.fee(fee.amount, fee.currency);
    DowntimeFile file = DowntimeFile.read(downtime);
    ZoneId zoneId =
        zone != null ? DowntimeFile.parseZone(zone) : file.zoneId().orElse(SlaMonth.DEFAULT_ZONE);
    SlaReport report =
        SlaReport.of(file.ledger(), SlaMonth.of(month, zoneId), CreditPolicy.GUIDE, monthlyFee);
    PrintWriter out = spec.commandLine().getOut();
    if (format != null && format.json) {
      out.println(TerminalText.escapeLines(SlaJson.toJson(SlaJson.report(report))));
    } else if (format != null && format.markdown) {
      out.print(TerminalText.escapeLines(SlaReportMarkdown.render(report)));
    } else {
      StringWriter text = new StringWriter();
      printText(new PrintWriter(text), report);
      out.print(TerminalText.escapeLines(text.toString()));
    }
    out.flush();
    return 0;
  }

  private static void printText(PrintWriter out, SlaReport report) {
    out.println("SLA report " + report.month());
    for (Availability a : report.availability()) {
      out.printf(
          "  %-9s %s%% (objective %s%%) %s; downtime %d s, error budget %s s, %s%% used%n",
          a.target().id(),
          a.uptime().percent(4).toPlainString(),
          a.objectivePercent().toPlainString(),
          a.met() ? "met" : "MISSED",
          a.downtimeSeconds(),
          a.errorBudgetSeconds().toPlainString(),
          a.errorBudgetUsed().percent(2).toPlainString());
    }
    out.println("Periods:" + (report.periods().isEmpty() ? " none" : ""));
    DateTimeFormatter time = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    ZoneId zone = report.month().zone();
    for (DowntimePeriod p : report.periods()) {
      String line =
          String.format(
              "  %s to %s  %6d s  %-19s %-8s %s%s",
              time.format(p.start().atZone(zone)),
              time.format(p.end().atZone(zone)),
              p.seconds(),
              p.cause().id(),
              p.target().id(),
              p.cause().excluded() ? "(excluded) " : "",
              TerminalText.escape(p.note()));
      out.println(line.stripTrailing());
    }
    var credit = report.credit();
    out.println(
        "Credit:   "
            + credit.creditPercent()
            + "% of the monthly fee"
            + (credit.amount() == null ? "" : " = " + credit.amount())
            + ", payable on request by "
            + CreditRequests.deadline(credit.month()));
  }
}
