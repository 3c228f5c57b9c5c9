package org.frontline.cli;

import org.frontline.pipeline.Pipeline;
import org.frontline.pipeline.Pipelines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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

  @Option(names = "--official", paramLabel = "FILE",
      description = "an official daily series (CSV, the columns of eval series) the report of an archive's span"
          + " sets the news' national figures against")
  String official;

  @Spec
  CommandSpec spec;

  @Override
  String name() {
    return "run";
  }

  @Override
  public Integer call() {
    ReportCommand.checkOfficial(spec, official);
    return super.call();
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
        trends.toOptions(), reportOut, null, official));
  }
}
