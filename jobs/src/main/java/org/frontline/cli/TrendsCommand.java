package org.frontline.cli;

import org.frontline.pipeline.Pipeline;
import org.frontline.pipeline.Pipelines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "trends", mixinStandardHelpOptions = true,
    description = "Recompute strike_trends (events per oblast, Ukraine and Russia per day, week and month,"
        + " zero-filled, with 7-day averages and week-over-week change) and spikes from the lake's events.")
final class TrendsCommand extends LakeCommand {
  @Mixin
  TrendOptions trends;

  @Override
  String name() {
    return "trends";
  }

  @Override
  Pipeline pipeline() {
    return Pipelines.single(Pipelines.trends(trends.toOptions()));
  }
}
