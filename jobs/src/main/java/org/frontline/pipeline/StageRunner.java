package org.frontline.pipeline;

import org.frontline.common.Progress;
import org.frontline.lake.LakeLock;
import org.frontline.lake.RunSummary;
import org.frontline.lake.StageResult;

import java.util.Locale;

/**
 * Runs a pipeline's stages in order: times each one, records its result and its seconds in the run summary,
 * tells a listener (the benchmark's meter), and on a failure says once which stage failed and after how long
 * before the exception goes on to the command (which logs it and exits 1).
 */
public final class StageRunner {
  /** Told before and after each stage. */
  public interface Listener {
    Listener NONE = new Listener() {};

    default void started(Stage stage) {}

    default void finished(Stage stage, StageResult result, double seconds) {}
  }

  private StageRunner() {}

  /**
   * Runs a pipeline as one run of the lake: takes the lake's lock (naming the run {@code what}), runs the
   * stages, writes the run summary to {@code LAKE/runs/} and returns its JSON. The commands and the
   * notebooks' {@code Notebook.run} go through here.
   */
  public static String runLocked(Pipeline pipeline, StageContext context, String what) {
    try (LakeLock lock = LakeLock.acquire(context.lake(), context.summary().runId(), what)) {
      run(pipeline, context);
      return context.summary().write(context.lake());
    }
  }

  public static void run(Pipeline pipeline, StageContext context) {
    run(pipeline, context, Listener.NONE);
  }

  public static void run(Pipeline pipeline, StageContext context, Listener listener) {
    RunSummary summary = context.summary();
    pipeline.header().forEach(summary::put);
    for (Stage stage : pipeline.stages()) {
      listener.started(stage);
      long t0 = System.nanoTime();
      StageResult result;
      try {
        result = stage.work().apply(context);
      } catch (RuntimeException | Error e) {
        Progress.info(stage.name(), String.format(Locale.ROOT, "failed after %.1f s (%s)", seconds(t0),
            pipeline.name()));
        throw e;
      }
      double seconds = seconds(t0);
      summary.add(stage.name(), result);
      summary.stage(stage.name(), seconds);
      listener.finished(stage, result, seconds);
    }
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
