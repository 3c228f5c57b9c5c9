package org.frontline.cli;

import org.frontline.pipeline.Pipeline;
import org.frontline.pipeline.Pipelines;
import org.frontline.report.PeriodReportJob;
import org.frontline.report.ReportJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;

@Command(name = "report", mixinStandardHelpOptions = true,
    description = {
      "Write a night's report from the lake: one self-contained report.html (figures, charts, map,"
          + " topics, spikes, the night's events with their sources), report.json and CSV files.",
      "With --from/--to, --month or --year: the report of that period instead (per week or month: the"
          + " country's events by weapon and attacker, the map with the events as points, the most-hit oblasts,"
          + " the deadliest events with their sources, the period's topics)."})
final class ReportCommand extends LakeCommand {
  @Option(names = "--out", required = true, paramLabel = "DIR", description = "directory the report is written to")
  String out;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD",
      description = "the night (events dated that morning); default: the lake's last day")
  LocalDate date;

  @Option(names = "--from", paramLabel = "YYYY-MM-DD",
      description = "first day of a period report (default with --to: the lake's first day)")
  LocalDate from;

  @Option(names = "--to", paramLabel = "YYYY-MM-DD",
      description = "last day of a period report (default with --from: the lake's last day)")
  LocalDate to;

  @Option(names = "--month", paramLabel = "YYYY-MM", description = "the period report of a calendar month")
  YearMonth month;

  @Option(names = "--year", paramLabel = "YYYY", description = "the period report of a calendar year")
  Year year;

  @Option(names = "--official", paramLabel = "FILE",
      description = "a period report also sets the news' national figures against this official daily series (CSV,"
          + " the columns of eval series)")
  String official;

  @Spec
  CommandSpec spec;

  @Override
  String name() {
    return "report";
  }

  private boolean period() {
    return from != null || to != null || month != null || year != null;
  }

  @Override
  public Integer call() {
    int ways = (from != null || to != null ? 1 : 0) + (month != null ? 1 : 0) + (year != null ? 1 : 0);
    if (ways > 1) {
      throw new ParameterException(spec.commandLine(), "give one period: --from/--to, --month or --year");
    }
    if (date != null && period()) {
      throw new ParameterException(spec.commandLine(), "--date is a night; a period is --from/--to, --month or"
          + " --year: give one or the other");
    }
    if (official != null && !period()) {
      throw new ParameterException(spec.commandLine(), "--official goes with a period report (--from/--to, --month"
          + " or --year)");
    }
    checkOfficial(spec, official);
    if (from != null && to != null && to.isBefore(from)) {
      throw new ParameterException(spec.commandLine(), "--to " + to + " is before --from " + from);
    }
    return super.call();
  }

  /** An official series that cannot be read is a usage error, found before any stage runs. */
  static void checkOfficial(CommandSpec spec, String official) {
    if (official != null) {
      try {
        PeriodReportJob.readOfficial(official);
      } catch (RuntimeException e) {
        throw new ParameterException(spec.commandLine(), "--official: " + e.getMessage());
      }
    }
  }

  @Override
  Pipeline pipeline() {
    if (!period()) {
      return Pipelines.single(Pipelines.report(lake -> new ReportJob.Options(out, date)));
    }
    LocalDate a = month != null ? month.atDay(1) : year != null ? year.atDay(1) : from;
    LocalDate b = month != null ? month.atEndOfMonth() : year != null ? year.atMonth(12).atEndOfMonth() : to;
    return Pipelines.single(Pipelines.periodReport(lake -> new PeriodReportJob.Options(out, a, b, official)));
  }
}
