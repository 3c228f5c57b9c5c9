package org.frontline.cli;

import org.frontline.pipeline.Pipeline;
import org.frontline.pipeline.Pipelines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The scheduled run of one night ({@link Pipelines#nightly}); the lake lock refuses a concurrent run.
 */
@Command(name = "nightly", mixinStandardHelpOptions = true,
    description = "Process one night's new articles incrementally and write its report: ingest, extract and"
        + " events for what changed, the saved topic model, the trend rows from the first changed day, the report.")
final class NightlyCommand extends LakeCommand {
  @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD",
      description = "the night (its events are dated that morning); also the --as-of of undated articles")
  LocalDate date;

  @Mixin
  IngestOptions ingest;

  @Mixin
  TopicOptions topics;

  @Mixin
  TrendOptions trends;

  @Option(names = "--report-out", paramLabel = "DIR",
      description = "where the night's report is written (default: LAKE/reports/DATE)")
  String reportOut;

  @Override
  String name() {
    return "nightly";
  }

  @Override
  String logName() {
    return "nightly-" + date;
  }

  @Override
  boolean readsLakeArticles() {
    return false;
  }

  @Override
  List<String> inputs() {
    return ingest.inputs;
  }

  @Override
  List<String> arguments() {
    List<String> a = new ArrayList<>(List.of("--date", date.toString()));
    a.addAll(ingest.inputs);
    return a;
  }

  @Override
  Pipeline pipeline() {
    return Pipelines.nightly(new Pipelines.NightlyOptions(date, ingest.toOptions(), topics.toOptions(),
        trends.toOptions(), reportOut));
  }
}
