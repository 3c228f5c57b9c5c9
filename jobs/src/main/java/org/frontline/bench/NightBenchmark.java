package org.frontline.bench;

import org.apache.commons.io.FileUtils;
import org.apache.spark.sql.SparkSession;
import org.frontline.bench.StageMeter.Window;
import org.frontline.common.Progress;
import org.frontline.extract.ExtractJob;
import org.frontline.generate.CorpusGenerator;
import org.frontline.ingest.IngestJob;
import org.frontline.ingest.IngestResult;
import org.frontline.lake.Lake;
import org.frontline.lake.RunSummary;
import org.frontline.pipeline.Pipeline;
import org.frontline.pipeline.Pipelines;
import org.frontline.pipeline.StageContext;
import org.frontline.pipeline.StageRunner;
import org.frontline.topics.TopicsJob;
import org.frontline.trends.TrendsJob;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The nightly benchmark, one lake size at a time: BuildLake (the full pipeline with its topic fit over the
 * seeded corpus of that size; built once and cached) → GenerateNight (the same night's articles for every
 * size: a corpus of {@code nightArticles} published on the day after the lake's last) → RunNight (the nightly
 * pipeline of {@link Pipelines#nightly} on a copy of the lake), each stage of the night measured by a
 * {@link StageMeter}: wall time, records read from files, shuffle. A night should cost what the night holds,
 * so the same night on a lake four times larger should take about as long.
 */
public final class NightBenchmark {
  public static final int DEFAULT_NIGHT_ARTICLES = 3_500;

  /** Options of a nightly benchmark, validated at construction. */
  public record Options(List<Long> sizes, long seed, Path cache, Path work, int nightArticles, boolean keepLakes) {
    public Options {
      if (sizes == null || sizes.isEmpty() || sizes.stream().anyMatch(s -> s < 1_000)) {
        throw new IllegalArgumentException("--sizes must list lake sizes of at least 1,000 articles");
      }
      if (nightArticles < 1) {
        throw new IllegalArgumentException("--night-articles must be at least 1 but was " + nightArticles);
      }
      sizes = sizes.stream().sorted().distinct().toList();
    }
  }

  /**
   * One night on one lake: the lake's articles before the night, the night's records and day (ISO), one window
   * per stage.
   */
  public record NightResult(long lakeArticles, long nightArticles, String night, int cores, List<Window> stages) {
    public double seconds() {
      return stages.stream().mapToDouble(Window::seconds).sum();
    }
  }

  private final SparkSession spark;
  private final Options options;

  public NightBenchmark(SparkSession spark, Options options) {
    this.spark = spark;
    this.options = options;
  }

  public int cores() {
    return spark.sparkContext().defaultParallelism();
  }

  /** Runs the night on every lake size, smallest first. */
  public List<NightResult> run() {
    List<NightResult> results = new ArrayList<>();
    try (StageMeter meter = new StageMeter(spark.sparkContext())) {
      for (long n : options.sizes()) {
        results.add(runSize(meter, n));
      }
    }
    return results;
  }

  NightResult runSize(StageMeter meter, long n) {
    Path base = baseLake(n);
    LocalDate night = Benchmark.lastDay(n).plusDays(1);
    Path corpus = nightCorpus(night);
    Path lakeDir = options.work().resolve("night-lake-" + n);
    FileUtils.deleteQuietly(lakeDir.toFile());
    try {
      FileUtils.copyDirectory(base.toFile(), lakeDir.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Progress.info("bench", String.format(Locale.ROOT, "night %s: %,d records on the lake of %,d articles",
        night, options.nightArticles(), n));
    Lake lake = new Lake(spark, lakeDir.toString());
    RunSummary summary = new RunSummary("bench-nightly", lake.root(), List.of(corpus.toString()));
    Pipeline pipeline = Pipelines.nightly(new Pipelines.NightlyOptions(night,
        IngestJob.Options.of(List.of(corpus.toString())), TopicsJob.Options.defaults(), TrendsJob.Options.defaults(),
        null));
    List<Window> stages = new ArrayList<>();
    StageRunner.run(pipeline, new StageContext(spark, lake, summary), meter.windowPerStage(stages));
    IngestResult ingest = summary.result(IngestResult.class).orElseThrow();
    if (ingest.read() != options.nightArticles() || !ingest.reconciled()) {
      throw new IllegalStateException("the night's ingest read " + ingest.read() + " of " + options.nightArticles()
          + " records (reconciled: " + ingest.reconciled() + ")");
    }
    if (!options.keepLakes()) {
      FileUtils.deleteQuietly(lakeDir.toFile());
    }
    return new NightResult(n, options.nightArticles(), night.toString(), cores(), stages);
  }

  /**
   * The lake of the {@code n}-article corpus after a full run with a topic fit (no report), under the cache:
   * built on first use; a marker file written last makes an interrupted build start again.
   */
  Path baseLake(long n) {
    Path dir = options.cache().resolve("lakes/lake-" + n + "-seed-" + options.seed());
    Path marker = dir.resolve("_COMPLETE");
    if (Files.exists(marker)) {
      return dir.resolve("lake");
    }
    FileUtils.deleteQuietly(dir.toFile());
    Path corpus = Benchmark.corpus(options.cache(), n, options.seed());
    Progress p = Progress.start("bench", String.format(Locale.ROOT, "building the lake of %,d articles in %s", n,
        dir));
    Lake lake = new Lake(spark, dir.resolve("lake").toString());
    Pipeline pipeline = Pipelines.full(new Pipelines.RunOptions(IngestJob.Options.of(List.of(corpus.toString())),
        new ExtractJob.Options(Benchmark.lastDay(n).toString()), TopicsJob.Options.defaults(),
        TrendsJob.Options.defaults(), null, null)).without("report");
    StageRunner.run(pipeline, new StageContext(spark, lake, new RunSummary("bench-lake", lake.root(),
        List.of(corpus.toString()))));
    try {
      Files.writeString(marker, "articles=" + n + " seed=" + options.seed() + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    p.done("ok");
    return dir.resolve("lake");
  }

  /** The night's corpus (seed + 1, so no id repeats the lake's), generated on first use under the cache. */
  Path nightCorpus(LocalDate night) {
    long seed = options.seed() + 1;
    Path dir = options.cache().resolve("night-" + options.nightArticles() + "-seed-" + seed + "-" + night);
    Path marker = dir.resolve("COMPLETE");
    if (!Files.exists(marker)) {
      FileUtils.deleteQuietly(dir.toFile());
      try {
        new CorpusGenerator(new CorpusGenerator.Options(options.nightArticles(), seed, dir, 1, List.of("jsonl"), night,
            1)).write();
        Files.writeString(marker, "articles=" + options.nightArticles() + " seed=" + seed + "\n",
            StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return dir.resolve("corpus");
  }
}
