package org.frontline.cli;

import org.frontline.pipeline.Pipeline;
import org.frontline.pipeline.Pipelines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "topics", mixinStandardHelpOptions = true,
    description = "Give every kept article a topic: fit a topic model (or use the lake's saved one), write"
        + " topics, article_topics and topic_trends.")
final class TopicsCommand extends LakeCommand {
  @Mixin
  TopicOptions topics;

  @Override
  String name() {
    return "topics";
  }

  @Override
  Pipeline pipeline() {
    return Pipelines.single(Pipelines.topics(topics.toOptions()));
  }
}
