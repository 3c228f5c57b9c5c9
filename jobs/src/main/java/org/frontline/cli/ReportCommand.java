package org.frontline.cli;

import org.frontline.pipeline.Pipeline;
import org.frontline.pipeline.Pipelines;
import org.frontline.report.ReportJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.LocalDate;

@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Write a night's report from the lake: one self-contained report.html (figures, charts, map,"
        + " topics, spikes, the night's events with their sources), report.json and CSV files.")
final class ReportCommand extends LakeCommand {
  @Option(names = "--out", required = true, paramLabel = "DIR", description = "directory the report is written to")
  String out;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD",
      description = "the night (events dated that morning); default: the lake's last day")
  LocalDate date;

  @Override
  String name() {
    return "report";
  }

  @Override
  Pipeline pipeline() {
    return Pipelines.single(Pipelines.report(lake -> new ReportJob.Options(out, date)));
  }
}
