package org.frontline.bench;

import org.apache.commons.io.FileUtils;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.*;

/**
 * The benchmark, one corpus size at a time: GenerateCorpus (cached on disk, seeded) → Baseline (a bare
 * Spark scan of the same files: {@code read.json} with a schema, {@code RegexTokenizer}, a count) → the full
 * pipeline of {@link Pipelines#full} without its report (and without topics but at one size) into a fresh
 * lake, each stage measured by a {@link StageMeter}.
 * The pipeline's throughput is that of ingest + extract + events + trends; the topic fit is measured apart.
 */
public final class Benchmark {
  /** The stages whose sum is the pipeline's time (topics are timed apart: a fit is not per-night work). */
  public static final List<String> PIPELINE = List.of("ingest", "extract", "events", "trends");

  /** Options of a benchmark run, validated at construction. */
  public record Options(List<Long> sizes, long seed, Path cache, Path work, long topicsAt, boolean keepLakes) {
    public Options {
      if (sizes == null || sizes.isEmpty() || sizes.stream().anyMatch(s -> s < 1_000)) {
        throw new IllegalArgumentException("--sizes must list corpus sizes of at least 1,000 articles");
      }
      sizes = sizes.stream().sorted().distinct().toList();
    }
  }

  /** What one corpus size measured: the baseline window and one window per stage. */
  public record SizeResult(long articles, long corpusBytes, int cores, Window baseline, List<Window> stages) {
    public double pipelineSeconds() {
      return stages.stream().filter(w -> PIPELINE.contains(w.name())).mapToDouble(Window::seconds).sum();
    }

    public double articlesPerSecondPerCore() {
      return articles / pipelineSeconds() / cores;
    }

    public double ratioToBaseline() {
      return pipelineSeconds() / baseline.seconds();
    }

    public long heapPeakBytes() {
      long peak = baseline.heapPeakBytes();
      for (Window w : stages) {
        if (PIPELINE.contains(w.name())) {
          peak = Math.max(peak, w.heapPeakBytes());
        }
      }
      return peak;
    }
  }

  /** The columns the generator writes, all strings: the baseline parses every one of them. */
  static final StructType CORPUS_SCHEMA = new StructType()
      .add("doc_id", DataTypes.StringType).add("title", DataTypes.StringType)
      .add("published", DataTypes.StringType).add("outlet", DataTypes.StringType)
      .add("url", DataTypes.StringType).add("body", DataTypes.StringType);

  private final SparkSession spark;
  private final Options options;

  public Benchmark(SparkSession spark, Options options) {
    this.spark = spark;
    this.options = options;
  }

  /** Cores the tasks run on: Spark's default parallelism (local[N] gives N, a cluster its executors' cores). */
  public int cores() {
    return spark.sparkContext().defaultParallelism();
  }

  /** Runs every size, smallest first. */
  public List<SizeResult> run() {
    List<SizeResult> results = new ArrayList<>();
    try (StageMeter meter = new StageMeter(spark.sparkContext())) {
      for (long n : options.sizes()) {
        results.add(runSize(meter, n));
      }
    }
    return results;
  }

  SizeResult runSize(StageMeter meter, long n) {
    Path corpus = corpus(options.cache(), n, options.seed());
    long bytes = sizeOf(corpus);
    Progress.info("bench", String.format(Locale.ROOT, "%,d articles (%,.0f MB) in %s", n, bytes / 1e6, corpus));

    // the scan's time on this machine moved from 16 to 26 s between runs of the same 800,000 files: the ratio
    // to it is taken to the median of three scans, not to one
    List<Window> scans = new ArrayList<>();
    long tokens = 0;
    for (int i = 0; i < BASELINE_RUNS; i++) {
      meter.begin("baseline");
      tokens = baseline(spark, corpus.toString());
      scans.add(meter.end());
    }
    Window baseline = median(scans);
    Progress.info("bench", String.format(Locale.ROOT, "baseline: %,d tokens in %s s (median %.1f s)", tokens,
        scans.stream().map(w -> String.format(Locale.ROOT, "%.1f", w.seconds())).collect(Collectors.joining(", ")),
        baseline.seconds()));

    Path lakeDir = options.work().resolve("lake-" + n);
    deleteQuietly(lakeDir);
    Lake lake = new Lake(spark, lakeDir.toString());
    RunSummary summary = new RunSummary("bench", lake.root(), List.of(corpus.toString()));
    Pipeline pipeline = Pipelines.full(new Pipelines.RunOptions(IngestJob.Options.of(List.of(corpus.toString())),
        new ExtractJob.Options(lastDay(n).toString()), TopicsJob.Options.defaults(), TrendsJob.Options.defaults(),
        null, null)).without("report");
    if (n != options.topicsAt()) {
      pipeline = pipeline.without("topics");
    }
    List<Window> stages = new ArrayList<>();
    StageRunner.run(pipeline, new StageContext(spark, lake, summary), meter.windowPerStage(stages));
    IngestResult ingest = summary.result(IngestResult.class).orElseThrow();
    if (ingest.read() != n || !ingest.reconciled()) {
      throw new IllegalStateException("the benchmark's ingest read " + ingest.read() + " of " + n
          + " records (reconciled: " + ingest.reconciled() + ")");
    }
    if (!options.keepLakes()) {
      deleteQuietly(lakeDir);
    }
    return new SizeResult(n, bytes, cores(), baseline, stages);
  }

  /** Times the bare scan runs per size; the median is the baseline. */
  static final int BASELINE_RUNS = 3;

  /** The window of median duration (the upper middle one of an even number). */
  static Window median(List<Window> windows) {
    List<Window> sorted = new ArrayList<>(windows);
    sorted.sort(Comparator.comparingDouble(Window::seconds));
    return sorted.get(sorted.size() / 2);
  }

  /**
   * The bare scan the pipeline is compared with: parse every record of the same files with Spark's JSON
   * reader (given the schema), split the body into words with {@link RegexTokenizer}, count the words.
   */
  public static long baseline(SparkSession spark, String corpus) {
    Dataset<Row> articles = spark.read().schema(CORPUS_SCHEMA).json(corpus);
    Dataset<Row> words = new RegexTokenizer().setInputCol("body").setOutputCol("words").setPattern("\\W+")
        .transform(articles.na().fill("", new String[] {"body"}));
    Row r = words.agg(sum(size(col("words")))).first();
    return r.isNullAt(0) ? 0 : r.getLong(0);
  }

  /** Days the corpus spans: about 2,500 articles a day, the order of a day's coverage of the war. */
  static int days(long n) {
    return (int) Math.max(7, n / 2_500);
  }

  static final LocalDate START = LocalDate.of(2025, 1, 6);

  static LocalDate lastDay(long n) {
    return START.plusDays(days(n) - 1);
  }

  /**
   * The corpus of {@code n} articles for {@code seed} under {@code cache}, generated on first use: JSON lines
   * in parts of 50,000 articles. A marker file written last makes an interrupted generation start again.
   */
  public static Path corpus(Path cache, long n, long seed) {
    Path dir = cache.resolve("articles-" + n + "-seed-" + seed);
    Path marker = dir.resolve("COMPLETE");
    if (!Files.exists(marker)) {
      deleteQuietly(dir);
      Progress p = Progress.start("bench", String.format(Locale.ROOT, "generating %,d articles into %s", n, dir));
      int parts = (int) Math.max(1, (n + 49_999) / 50_000);
      try {
        new CorpusGenerator(new CorpusGenerator.Options(n, seed, dir, parts, List.of("jsonl"), START, days(n)))
            .write();
        Files.writeString(marker, "articles=" + n + " seed=" + seed + "\n", StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      p.done("ok");
    }
    return dir.resolve("corpus");
  }

  static long sizeOf(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path dir) {
    FileUtils.deleteQuietly(dir.toFile());
  }
}
