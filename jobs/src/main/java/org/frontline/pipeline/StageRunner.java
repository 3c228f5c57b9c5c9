package org.frontline.pipeline;

import org.frontline.common.Concurrently;
import org.frontline.common.Progress;
import org.frontline.lake.LakeLock;
import org.frontline.lake.RunSummary;
import org.frontline.lake.StageResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a pipeline's stages: times each one, records its result and its seconds in the run summary, tells a
 * listener (the benchmark's meter), and on a failure says once which stage failed and after how long before
 * the exception goes on to the command (which logs it and exits 1).
 *
 * <p>Stages run in pipeline order ({@link #run}), or as soon as the stages they depend on are done
 * ({@link #runConcurrently}): a stage waits for the earlier stages whose results it uses or whose tables it
 * reads or writes ({@link Stage#dependsOn}), so the topics stage, which reads only articles, runs beside
 * extract → events → trends, and the driver plans one branch's queries while the other's tasks run. Each
 * stage writes only its own tables, so the lake is the same either way.
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
   * stages (independent ones side by side), writes the run summary to {@code LAKE/runs/} and returns its JSON.
   * The commands and the notebooks' {@code Notebook.run} go through here.
   */
  public static String runLocked(Pipeline pipeline, StageContext context, String what) {
    try (LakeLock lock = LakeLock.acquire(context.lake(), context.summary().runId(), what)) {
      runConcurrently(pipeline, context);
      return context.summary().write(context.lake());
    }
  }

  public static void run(Pipeline pipeline, StageContext context) {
    run(pipeline, context, Listener.NONE);
  }

  /** Runs the stages one after the other, in pipeline order (the benchmark's meter measures one at a time). */
  public static void run(Pipeline pipeline, StageContext context, Listener listener) {
    RunSummary summary = context.summary();
    pipeline.header().forEach(summary::put);
    for (Stage stage : pipeline.stages()) {
      listener.started(stage);
      long t0 = System.nanoTime();
      StageResult result = work(pipeline, stage, context, t0);
      double seconds = seconds(t0);
      summary.add(stage.name(), result);
      summary.stage(stage.name(), seconds);
      listener.finished(stage, result, seconds);
    }
  }

  /**
   * Runs each stage as soon as the stages it depends on are done, independent ones side by side. Once a stage
   * has failed, no stage starts; the stages already running finish, then the first failure in pipeline order
   * is thrown (any other failure added to it as suppressed). The summary lists the stages that finished in
   * pipeline order, whatever order they ended in.
   */
  public static void runConcurrently(Pipeline pipeline, StageContext context) {
    RunSummary summary = context.summary();
    pipeline.header().forEach(summary::put);
    List<Stage> stages = pipeline.stages();
    List<CompletableFuture<Double>> done = new ArrayList<>();
    StageResult[] results = new StageResult[stages.size()];
    AtomicBoolean failed = new AtomicBoolean();
    ExecutorService pool = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "frontline-stage");
      t.setDaemon(true);
      return t;
    });
    try {
      for (int i = 0; i < stages.size(); i++) {
        Stage stage = stages.get(i);
        List<CompletableFuture<Double>> deps = new ArrayList<>();
        for (int j = 0; j < i; j++) {
          if (stage.dependsOn(stages.get(j))) {
            deps.add(done.get(j));
          }
        }
        int index = i;
        done.add(CompletableFuture.allOf(deps.toArray(CompletableFuture[]::new)).thenApplyAsync(ignored -> {
          if (failed.get()) {
            throw new NotRun();
          }
          Thread.currentThread().setName("frontline-stage-" + stage.name());
          long t0 = System.nanoTime();
          try {
            StageResult result = work(pipeline, stage, context, t0);
            results[index] = result;
            summary.offer(result); // later stages read it back by type
            return seconds(t0);
          } catch (RuntimeException | Error e) {
            failed.set(true);
            throw e;
          }
        }, pool));
      }
      awaitAll(done);
    } finally {
      pool.shutdown();
      for (int i = 0; i < stages.size(); i++) {
        if (results[i] != null) {
          summary.add(stages.get(i).name(), results[i]);
          summary.stage(stages.get(i).name(), done.get(i).join());
        }
      }
    }
  }

  /** Thrown in place of a stage's work once another stage has failed: the stage did not run. */
  private static final class NotRun extends RuntimeException {
    NotRun() {
      super("not run: another stage failed", null, false, false);
    }
  }

  /**
   * Waits for every stage to end, then throws the failure of the first stage in pipeline order that failed
   * itself (not one that did not run, nor one whose dependency failed), with the other failures suppressed.
   */
  private static void awaitAll(List<CompletableFuture<Double>> done) {
    Throwable first = null;
    for (CompletableFuture<Double> f : done) {
      Throwable cause = f.handle((v, t) -> t instanceof CompletionException ? t.getCause() : t).join();
      if (cause == null || cause instanceof NotRun || (first != null && cause == first)) {
        continue;
      }
      if (first == null) {
        first = cause;
      } else if (Arrays.stream(first.getSuppressed()).noneMatch(x -> x == cause)) {
        first.addSuppressed(cause);
      }
    }
    if (first != null) {
      throw Concurrently.rethrown(first);
    }
  }

  private static StageResult work(Pipeline pipeline, Stage stage, StageContext context, long t0) {
    try {
      return stage.work().apply(context);
    } catch (RuntimeException | Error e) {
      Progress.info(stage.name(), String.format(Locale.ROOT, "failed after %.1f s (%s)", seconds(t0),
          pipeline.name()));
      throw e;
    }
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
