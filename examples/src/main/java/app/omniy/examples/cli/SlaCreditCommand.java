package app.omniy.examples.cli;

import app.omniy.core.Money;
import app.omniy.core.sla.Availability;
import app.omniy.core.sla.CreditPolicy;
import app.omniy.core.sla.ExactRatio;
import app.omniy.core.sla.ServiceCredit;
import app.omniy.core.sla.SlaMonth;
import app.omniy.core.sla.SlaTarget;
import app.omniy.files.DowntimeFile;
import app.omniy.files.SlaJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code omniy sla-credit}: the service credit a month earns (SLA-6) and whether a request made on
 * a date is in time (SLA-7), from a measured uptime or a downtime file.
 */
@Command(
    name = "sla-credit",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Computes the service credit for a month from the system uptime (SLA-6) and whether a "
          + "request made on a date is in time (SLA-7).",
      "Exit codes: 0 done; 1 rejected input (a fee its currency cannot hold, an uptime above"
          + " 100%%, an unknown currency or zone, a bad downtime file); 2 a wrong command line"
          + " (such as a month, amount or percentage that is not one); 70 a bug in omniy."
    })
final class SlaCreditCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--month",
      required = true,
      paramLabel = "YYYY-MM",
      converter = OptionValues.Month.class,
      description = "The month, 2000-01 to 2099-12.")
  YearMonth month;

  @Option(
      names = "--fee",
      required = true,
      paramLabel = "AMOUNT",
      converter = OptionValues.Amount.class,
      description =
          "Monthly fee: positive, at most 15 digits and the currency's decimals (JPY none).")
  BigDecimal fee;

  @Option(
      names = "--currency",
      required = true,
      paramLabel = "CCY",
      description = "ISO 4217 code of the fee, such as JPY or USD.")
  String currency;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  @Option(
      names = "--requested-on",
      paramLabel = "YYYY-MM-DD",
      description = "Date of the customer's request, in the zone.")
  @Nullable LocalDate requestedOn;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      description = "Zone of the month; overrides the file's zone. Default: Asia/Tokyo.")
  @Nullable String zone;

  @Option(names = "--json", description = "Print exactly one JSON object.")
  boolean json;

  /** Where the uptime comes from: given, or measured from a downtime file. */
  static final class Source {
    @Option(
        names = "--uptime",
        required = true,
        paramLabel = "PERCENT",
        converter = OptionValues.Percent.class,
        description = "The measured system uptime in percent, 0 to 100 such as 99.95.")
    @Nullable BigDecimal uptime;

    @Option(
        names = "--downtime",
        required = true,
        paramLabel = "FILE",
        description = "A downtime file (YAML) to measure the uptime from.")
    @Nullable Path downtime;
  }

  @Override
  public Integer call() {
    Money monthlyFee = OptionValues.fee(fee, currency);
    ExactRatio uptime;
    Availability measured = null;
    SlaMonth slaMonth;
    if (source.downtime != null) {
      DowntimeFile file = DowntimeFile.read(source.downtime);
      slaMonth = SlaMonth.of(month, zone(file));
      measured = file.ledger().availability(SlaTarget.SYSTEM, slaMonth);
      uptime = measured.uptime();
    } else {
      slaMonth = SlaMonth.of(month, zone(null));
      uptime = ExactRatio.ofPercent(OptionValues.uptime(source.uptime));
    }
    ServiceCredit credit =
        ServiceCredit.assess(CreditPolicy.GUIDE, month, uptime, monthlyFee, requestedOn);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(TerminalText.escapeLines(SlaJson.toJson(SlaJson.credit(credit))));
    } else {
      StringWriter text = new StringWriter();
      printText(new PrintWriter(text), slaMonth, measured, credit, monthlyFee);
      out.print(TerminalText.escapeLines(text.toString()));
    }
    out.flush();
    return 0;
  }

  private ZoneId zone(@Nullable DowntimeFile file) {
    if (zone != null) {
      return DowntimeFile.parseZone(zone);
    }
    return file == null ? SlaMonth.DEFAULT_ZONE : file.zoneId().orElse(SlaMonth.DEFAULT_ZONE);
  }

  private static void printText(
      PrintWriter out,
      SlaMonth month,
      @Nullable Availability measured,
      ServiceCredit credit,
      Money fee) {
    out.println("Month:    " + month);
    String uptime = credit.availability().percent(4).toPlainString() + "%";
    if (measured != null) {
      uptime += " (" + measured.downtimeSeconds() + " s of downtime)";
    }
    out.println("Uptime:   " + uptime + ", objective " + SlaTarget.SYSTEM.objectivePercent() + "%");
    out.println("Credit:   " + credit.creditPercent() + "% of " + fee + " = " + credit.amount());
    String request =
        credit.eligible() == null
            ? "not decided: " + credit.reason()
            : (credit.eligible() ? "eligible: " : "not eligible: ") + credit.reason();
    out.println("Request:  " + request);
  }
}
