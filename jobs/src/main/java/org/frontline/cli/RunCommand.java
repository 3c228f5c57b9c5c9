package org.frontline.cli;

import org.apache.spark.sql.SparkSession;
import org.frontline.lake.Lake;
import org.frontline.lake.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run every stage over the inputs: ingest, extract, events, topics (later: trends, report).")
final class RunCommand extends LakeCommand {
  @Mixin
  IngestOptions ingest;

  @Mixin
  ExtractOptions extract;

  @Mixin
  TopicOptions topics;

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
  }
}
