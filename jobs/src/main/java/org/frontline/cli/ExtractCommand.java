package org.frontline.cli;

import org.frontline.pipeline.Pipeline;
import org.frontline.pipeline.Pipelines;
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
  Pipeline pipeline() {
    return Pipelines.single(Pipelines.extract(extract.toOptions()));
  }
}
