package org.frontline.pipeline;

import org.frontline.lake.StageResult;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One named step of a pipeline: the lake tables it reads and writes, and its work, which returns the stage's
 * typed result (recorded in the run summary by the {@link StageRunner}).
 */
public record Stage(String name, List<String> reads, List<String> writes, Function<StageContext, StageResult> work) {
  public Stage {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(work, "work");
    reads = List.copyOf(reads);
    writes = List.copyOf(writes);
  }
}
