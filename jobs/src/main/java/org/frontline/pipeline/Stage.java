package org.frontline.pipeline;

import org.frontline.lake.StageResult;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One named step of a pipeline: the lake tables it reads and writes, the stages whose results it uses beyond
 * those tables ({@code after}), and its work, which returns the stage's typed result (recorded in the run
 * summary by the {@link StageRunner}). The tables and {@code after} are what the runner orders stages by.
 */
public record Stage(String name, List<String> reads, List<String> writes, List<String> after,
                    Function<StageContext, StageResult> work) {
  public Stage {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(work, "work");
    reads = List.copyOf(reads);
    writes = List.copyOf(writes);
    after = List.copyOf(after);
  }

  public Stage(String name, List<String> reads, List<String> writes, Function<StageContext, StageResult> work) {
    this(name, reads, writes, List.of(), work);
  }

  /** This stage, also run after the named stages (whose results it reads with {@link StageContext#result}). */
  public Stage runAfter(String... stages) {
    List<String> all = new ArrayList<>(after);
    all.addAll(List.of(stages));
    return new Stage(name, reads, writes, all, work);
  }

  /**
   * Whether this stage must wait for {@code earlier} (a stage before it in a pipeline): it uses its result,
   * reads a table it writes, or writes a table it reads or writes.
   */
  public boolean dependsOn(Stage earlier) {
    return after.contains(earlier.name)
        || !Collections.disjoint(reads, earlier.writes)
        || !Collections.disjoint(writes, earlier.reads)
        || !Collections.disjoint(writes, earlier.writes);
  }
}
