package org.frontline.cli;

import org.frontline.pipeline.Pipeline;
import org.frontline.pipeline.Pipelines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;

@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Read, clean and de-duplicate article files into the lake's articles, duplicates and quarantine"
        + " tables.")
final class IngestCommand extends LakeCommand {
  @Mixin
  IngestOptions ingest;

  @Override
  String name() {
    return "ingest";
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
    return Pipelines.single(Pipelines.ingest(ingest.toOptions()));
  }
}
