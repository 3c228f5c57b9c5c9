package org.frontline.cli;

import org.apache.spark.sql.SparkSession;
import org.frontline.lake.Lake;
import org.frontline.lake.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "extract", mixinStandardHelpOptions = true,
    description = "Find the strikes each article describes (date, place, weapon, counts, casualties) and write"
        + " the lake's mentions table.")
final class ExtractCommand extends LakeCommand {
  @Mixin
  ExtractOptions extract;

  @Override
  String name() {
    return "extract";
  }

  @Override
  void stages(SparkSession spark, Lake lake, RunSummary summary) {
    extract(lake, summary, extract);
  }
}
