package org.frontline.cli;

import org.frontline.pipeline.Pipeline;
import org.frontline.pipeline.Pipelines;
import picocli.CommandLine.Command;

@Command(name = "events", mixinStandardHelpOptions = true,
    description = "Merge the mentions of the same strike across articles into the lake's events table.")
final class EventsCommand extends LakeCommand {
  @Override
  String name() {
    return "events";
  }

  @Override
  Pipeline pipeline() {
    return Pipelines.single(Pipelines.events());
  }
}
