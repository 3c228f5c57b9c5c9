package org.frontline.cli;

import org.apache.spark.sql.SparkSession;
import org.frontline.lake.Lake;
import org.frontline.lake.RunSummary;
import picocli.CommandLine.Command;
import org.frontline.report.ReportJob;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run every stage over the inputs: ingest, extract, events, topics, trends, report.")
final class RunCommand extends LakeCommand {
  @Mixin
  IngestOptions ingest;

  @Mixin
  ExtractOptions extract;

  @Mixin
  TopicOptions topics;

  @Mixin
  TrendOptions trends;

  @Option(names = "--report-out", paramLabel = "DIR",
      description = "where the report of the lake's last day is written (default: LAKE/report)")
  String reportOut;

  @Override
  String name() {
    return "run";
  }

  @Override
  List<String> arguments() {
    return ingest.inputs;
  }

  @Override
  void stages(SparkSession spark, Lake lake, RunSummary summary) {
    ingest(spark, lake, summary, ingest);
    extract(lake, summary, extract);
    events(lake, summary);
    topics(lake, summary, topics);
    trends(lake, summary, trends.toOptions());
    report(lake, summary, new ReportJob.Options(reportOut != null ? reportOut : lake.path("report"), null));
  }
}
