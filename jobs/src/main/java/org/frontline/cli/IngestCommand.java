package org.frontline.cli;

import org.apache.spark.sql.SparkSession;
import org.frontline.lake.Lake;
import org.frontline.lake.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;

@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Read, clean and de-duplicate article files into the lake's articles, duplicates and quarantine tables.")
final class IngestCommand extends LakeCommand {
  @Mixin
  IngestOptions ingest;

  @Override
  String name() {
    return "ingest";
  }

  @Override
  List<String> arguments() {
    return ingest.inputs;
  }

  @Override
  void stages(SparkSession spark, Lake lake, RunSummary summary) {
    ingest(spark, lake, summary, ingest);
  }
}
