package org.frontline.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.frontline.extract.ExtractJob;
import org.frontline.ingest.IngestJob;
import org.frontline.lake.RunSummary;
import org.frontline.lake.StageResult;
import org.frontline.topics.TopicsJob;
import org.frontline.trends.TrendsJob;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The pipelines as declared, and the runner's bookkeeping, without Spark (stages that touch no lake). */
class PipelinesTest {
  private static final IngestJob.Options INGEST = IngestJob.Options.of(List.of("in.jsonl"));

  @Test
  void theFullAndTheNightlyPipelinesReadTopToBottom() {
    Pipeline full = Pipelines.full(new Pipelines.RunOptions(INGEST, new ExtractJob.Options("2026-03-01"),
        TopicsJob.Options.defaults(), TrendsJob.Options.defaults(), null, null));
    assertEquals(List.of("ingest", "extract", "events", "topics", "trends", "report"), full.stageNames());
    Pipeline night = Pipelines.nightly(new Pipelines.NightlyOptions(LocalDate.parse("2026-03-05"), INGEST,
        TopicsJob.Options.defaults(), TrendsJob.Options.defaults(), null));
    assertEquals(full.stageNames(), night.stageNames());
    assertEquals(Map.of("night", "2026-03-05"), night.header());
    assertEquals(List.of("ingest", "extract", "events", "trends"), full.without("topics", "report").stageNames());
    assertThrows(IllegalArgumentException.class, () -> full.without("no-such-stage"));
  }

  @Test
  void everyStageSaysWhatItReadsAndWrites() {
    Pipeline full = Pipelines.full(new Pipelines.RunOptions(INGEST, new ExtractJob.Options(null),
        TopicsJob.Options.defaults(), TrendsJob.Options.defaults(), null, null));
    // each table a stage reads is written by an earlier stage or was in the lake before (articles, band_keys,
    // models)
    List<String> written = new ArrayList<>(List.of("articles", "band_keys", "models/topics"));
    for (Stage s : full.stages()) {
      assertTrue(written.containsAll(s.reads()), s.name() + " reads " + s.reads() + " before any stage wrote it");
      written.addAll(s.writes());
    }
  }

  record Counted(String stage, long n, String skip) implements StageResult {
    @Override
    public Map<String, Object> summary() {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("n", n);
      return StageResult.section(stage, s);
    }

    @Override
    public Optional<String> skipped() {
      return Optional.ofNullable(skip);
    }
  }

  @Test
  void theRunnerRecordsEachResultAndItsSecondsInOrderAndStopsAtAFailure() throws Exception {
    RunSummary summary = new RunSummary("test", "lake", List.of());
    List<String> heard = new ArrayList<>();
    Pipeline p = Pipeline.of("test",
        new Stage("a", List.of(), List.of("x"), c -> new Counted("a", 3, null)),
        new Stage("b", List.of("x"), List.of("y"), c -> new Counted("b", c.result(Counted.class).n() + 1, "why")))
        .withHeader("night", "2026-03-05");
    StageRunner.run(p, new StageContext(null, null, summary), new StageRunner.Listener() {
      @Override
      public void started(Stage stage) {
        heard.add("start " + stage.name());
      }

      @Override
      public void finished(Stage stage, StageResult result, double seconds) {
        heard.add("end " + stage.name());
      }
    });
    assertEquals(List.of("start a", "end a", "start b", "end b"), heard);
    var json = new ObjectMapper().readTree(summary.toJson());
    assertEquals("2026-03-05", json.get("night").asText());
    assertEquals(3, json.path("a").path("n").asLong());
    assertEquals(4, json.path("b").path("n").asLong(), "a later stage reads an earlier one's result");
    assertEquals(List.of("a", "b"), iterable(json.get("stage_seconds").fieldNames()));
    assertEquals("why", summary.skipped().get("b"));
    assertEquals(4, summary.result(Counted.class).orElseThrow().n(), "the last result of a type");

    RunSummary failed = new RunSummary("test", "lake", List.of());
    Pipeline broken = Pipeline.of("broken",
        new Stage("a", List.of(), List.of(), c -> new Counted("a", 1, null)),
        new Stage("b", List.of(), List.of(), c -> {
          throw new IllegalStateException("boom");
        }),
        new Stage("c", List.of(), List.of(), c -> fail("a stage after a failure ran")));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> StageRunner.run(broken, new StageContext(null, null, failed)));
    assertEquals("boom", e.getMessage(), "the stage's own exception reaches the command");
    assertTrue(failed.result(Counted.class).isPresent());
  }

  @Test
  void stagesWaitForTheStagesWhoseTablesOrResultsTheyUseAndNoOthers() {
    Pipeline full = Pipelines.full(new Pipelines.RunOptions(INGEST, new ExtractJob.Options(null),
        TopicsJob.Options.defaults(), TrendsJob.Options.defaults(), null, null));
    assertEquals(Map.of("ingest", List.of(), "extract", List.of("ingest"), "events", List.of("extract"),
        "topics", List.of("ingest"), "trends", List.of("ingest", "events"),
        "report", List.of("ingest", "extract", "events", "topics", "trends")), dependencies(full));
    Pipeline night = Pipelines.nightly(new Pipelines.NightlyOptions(LocalDate.parse("2026-03-05"), INGEST,
        TopicsJob.Options.defaults(), TrendsJob.Options.defaults(), null));
    // the night's topics assign the articles extract found changed: after extract, beside events and trends
    assertEquals(Map.of("ingest", List.of(), "extract", List.of("ingest"), "events", List.of("extract"),
        "topics", List.of("ingest", "extract"), "trends", List.of("ingest", "events"),
        "report", List.of("ingest", "extract", "events", "topics", "trends")), dependencies(night));
    assertThrows(IllegalArgumentException.class, () -> night.without("extract"),
        "events and topics run after extract, whose results they read");
    Stage late = new Stage("late", List.of(), List.of(), c -> null).runAfter("a").runAfter("b");
    assertEquals(List.of("a", "b"), late.after());
  }

  private static Map<String, List<String>> dependencies(Pipeline p) {
    Map<String, List<String>> deps = new LinkedHashMap<>();
    for (int i = 0; i < p.stages().size(); i++) {
      Stage s = p.stages().get(i);
      deps.put(s.name(), p.stages().subList(0, i).stream().filter(s::dependsOn).map(Stage::name).toList());
    }
    return deps;
  }

  @Test
  void independentStagesRunSideBySideAndTheSummaryKeepsPipelineOrder() throws Exception {
    CountDownLatch cStarted = new CountDownLatch(1);
    RunSummary summary = new RunSummary("test", "lake", List.of());
    Pipeline p = Pipeline.of("test",
        new Stage("a", List.of(), List.of("x"), c -> new Counted("a", 3, null)),
        // b ends only once c has started: the two run side by side, or the latch times out
        new Stage("b", List.of("x"), List.of("y"), c -> {
          await(cStarted);
          return new Counted("b", c.result(Counted.class).n() + 1, null);
        }),
        new Stage("c", List.of(), List.of("z"), c -> {
          cStarted.countDown();
          return new Other(7);
        }),
        new Stage("d", List.of("y", "z"), List.of(), c -> new Counted("d", c.result(Other.class).n() + 1, null)));
    StageRunner.runConcurrently(p, new StageContext(null, null, summary));
    var json = new ObjectMapper().readTree(summary.toJson());
    assertEquals(4, json.path("b").path("n").asLong(), "b read a's result");
    assertEquals(8, json.path("d").path("n").asLong(), "d ran after c");
    assertEquals(List.of("a", "b", "c", "d"), iterable(json.get("stage_seconds").fieldNames()));
    assertEquals(List.of("run_id", "command", "arguments", "lake", "started_at", "a", "b", "c", "d"),
        iterable(json.fieldNames()).subList(0, 9), "sections in pipeline order, whatever order stages ended in");

    RunSummary failed = new RunSummary("test", "lake", List.of());
    List<String> ran = new CopyOnWriteArrayList<>();
    CountDownLatch bStarted = new CountDownLatch(1);
    CountDownLatch cStartedToo = new CountDownLatch(1);
    CountDownLatch bFailed = new CountDownLatch(1);
    Pipeline broken = Pipeline.of("broken",
        new Stage("a", List.of(), List.of("x"), c -> new Counted("a", 1, null)),
        // b fails once c is under way; c ends after b has failed
        new Stage("b", List.of("x"), List.of("y"), c -> {
          bStarted.countDown();
          await(cStartedToo);
          bFailed.countDown();
          throw new IllegalStateException("boom");
        }),
        new Stage("c", List.of("x"), List.of("z"), c -> {
          await(bStarted);
          cStartedToo.countDown();
          await(bFailed);
          sleep(300);
          ran.add("c");
          return new Other(1);
        }),
        new Stage("d", List.of("y"), List.of(), c -> fail("a stage after its dependency's failure ran")),
        new Stage("e", List.of("z"), List.of(), c -> fail("a stage that starts after a failure ran")));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> StageRunner.runConcurrently(broken, new StageContext(null, null, failed)));
    assertEquals("boom", e.getMessage(), "the failed stage's own exception reaches the command");
    assertEquals(List.of("c"), ran, "an independent stage already under way finishes");
    var partial = new ObjectMapper().readTree(failed.toJson());
    assertEquals(List.of("a", "c"), iterable(partial.get("stage_seconds").fieldNames()),
        "the stages that finished are in the summary");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  record Other(long n) implements StageResult {
    @Override
    public Map<String, Object> summary() {
      return StageResult.section("c", Map.of("n", n));
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      assertTrue(latch.await(30, TimeUnit.SECONDS), "the independent stage did not start beside this one");
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> iterable(Iterator<String> it) {
    List<String> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
