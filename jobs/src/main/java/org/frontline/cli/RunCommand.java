package org.frontline.cli;

import org.frontline.pipeline.Pipeline;
import org.frontline.pipeline.Pipelines;
import picocli.CommandLine.Command;
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
  List<String> inputs() {
    return ingest.inputs;
  }

  @Override
  List<String> arguments() {
    return ingest.inputs;
  }

  @Override
  Pipeline pipeline() {
    return Pipelines.full(new Pipelines.RunOptions(ingest.toOptions(), extract.toOptions(), topics.toOptions(),
        trends.toOptions(), reportOut, null));
  }
}
