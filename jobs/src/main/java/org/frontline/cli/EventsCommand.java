package org.frontline.cli;

import org.apache.spark.sql.SparkSession;
import org.frontline.lake.Lake;
import org.frontline.lake.RunSummary;
import picocli.CommandLine.Command;

@Command(name = "events", mixinStandardHelpOptions = true,
    description = "Merge the mentions of the same strike across articles into the lake's events table.")
final class EventsCommand extends LakeCommand {
  @Override
  String name() {
    return "events";
  }

  @Override
  void stages(SparkSession spark, Lake lake, RunSummary summary) {
    events(lake, summary);
  }
}
