package org.frontline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.io.FileUtils;
import org.apache.spark.sql.SparkSession;
import org.frontline.bench.StageMeter.Window;
import org.frontline.common.Progress;
import org.frontline.common.Sessions;
import org.frontline.extract.ExtractJob;
import org.frontline.generate.CorpusGenerator;
import org.frontline.ingest.IngestJob;
import org.frontline.ingest.IngestResult;
import org.frontline.ingest.InputFiles;
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
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * The nightly benchmark, one lake size at a time: BuildLake (the full pipeline with its topic fit over the
 * seeded corpus of that size; built once and cached) → GenerateNight (the same night's articles for every
 * size: a corpus of {@code nightArticles} published on the day after the lake's last) → RunNight (the nightly
 * pipeline of {@link Pipelines#nightly} on a copy of the lake: timed as {@code frontline nightly} in a JVM of its
 * own, then again one stage at a time on a fresh copy, in this JVM), each stage of the night measured by a
 * {@link StageMeter}: wall time, records read from files, shuffle. A night should cost what the night holds,
 * so the same night on a lake four times larger should take about as long.
 */
public final class NightBenchmark {
  public static final int DEFAULT_NIGHT_ARTICLES = 3_500;
  /** The command line's main class (the bench does not depend on the CLI package, which depends on it). */
  static final String FRONTLINE_MAIN = "org.frontline.cli.Frontline";

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
   * One night on one lake: the lake's articles before the night, the night's records and day (ISO), whether the
   * night was timed as the nightly command in a JVM of its own (local master) or with its stages side by side in
   * this JVM (a cluster's), whether this JVM's run interpreted expressions (small data, decided as the nightly
   * command decides), the timed night's wall time, and one window per stage of the same night run again one
   * stage at a time on a fresh copy of the lake.
   */
  public record NightResult(long lakeArticles, long nightArticles, String night, int cores, boolean ownJvm,
      boolean interpreted, double asRunSeconds, List<Window> stages) {
    /** The stages' wall times added up (the night run one stage at a time). */
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
    long nightBytes = InputFiles.expand(List.of(corpus.toString()), null, spark.sparkContext().hadoopConfiguration())
        .textBytes();
    boolean local = spark.sparkContext().isLocal();
    // as the nightly command evaluates it: a night's own input decides between generated and interpreted code
    // (in this JVM; the command in its own decides the same by itself)
    try (Sessions.Interpreted interpreted = Sessions.interpretSmallData(spark, nightBytes)) {
      copy(base, lakeDir);
      Progress.info("bench", String.format(Locale.ROOT, "night %s: %,d records on the lake of %,d articles, %s",
          night, options.nightArticles(), n, local ? "the nightly command in a JVM of its own"
              : "stages side by side as the nightly command runs them"));
      double asRun = local ? command(night, corpus, lakeDir) : inProcess(night, corpus, lakeDir);
      Progress.info("bench", String.format(Locale.ROOT, "night %s on the lake of %,d articles in %.1f s; again, one"
          + " stage at a time, each measured", night, n, asRun));
      copy(base, lakeDir);
      List<Window> stages = new ArrayList<>();
      runNight(night, corpus, lakeDir,
          (pipeline, context) -> StageRunner.run(pipeline, context, meter.windowPerStage(stages)));
      return new NightResult(n, options.nightArticles(), night.toString(), cores(), local, interpreted.active(),
          asRun, stages);
    } finally {
      if (!options.keepLakes()) {
        FileUtils.deleteQuietly(lakeDir.toFile());
      }
    }
  }

  /** The night's wall time with its stages side by side in this JVM (a cluster's driver cannot start another). */
  private double inProcess(LocalDate night, Path corpus, Path lakeDir) {
    long t0 = System.nanoTime();
    runNight(night, corpus, lakeDir, (pipeline, context) -> StageRunner.runConcurrently(pipeline, context));
    return (System.nanoTime() - t0) / 1e9;
  }

  /** How long a night as a command may take before it is stopped and the bench fails. */
  static final long COMMAND_TIMEOUT_MINUTES = 60;

  /**
   * The night as it runs in production: {@code frontline nightly} in a fresh JVM, with this JVM's java, class
   * path and flags ({@link #childFlags}), so that every lake size pays the same start, class loading and
   * compilation. Its output goes to {@code WORK/night-lake-N.log}; its run summary must show every record read
   * and the counts reconciled. Returns the process's wall time. The process is stopped if the bench is
   * interrupted or it runs over {@link #COMMAND_TIMEOUT_MINUTES}, before its lake is deleted.
   */
  private double command(LocalDate night, Path corpus, Path lakeDir) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(childFlags(ManagementFactory.getRuntimeMXBean().getInputArguments()));
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), FRONTLINE_MAIN, "nightly", "--date",
        night.toString(), "--input", corpus.toString(), "--lake", lakeDir.toString(), "--master",
        spark.sparkContext().master(), "--shuffle-partitions", spark.conf().get("spark.sql.shuffle.partitions")));
    Path log = options.work().resolve(lakeDir.getFileName() + ".log");
    long t0 = System.nanoTime();
    Process process = null;
    try {
      process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!process.waitFor(COMMAND_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        throw new IllegalStateException("the nightly command ran over " + COMMAND_TIMEOUT_MINUTES
            + " minutes: see " + log);
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException("the nightly command exited with " + process.exitValue() + ": see " + log);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the nightly command ran", e);
    } finally {
      if (process != null && process.isAlive()) {
        process.destroyForcibly();
        try {
          process.waitFor(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    checkSummary(lakeDir, log);
    return seconds;
  }

  /** The command's run summary (its only file under {@code LAKE/runs}) shows every record read, reconciled. */
  private void checkSummary(Path lakeDir, Path log) {
    try (Stream<Path> runs = Files.list(lakeDir.resolve("runs"))) {
      List<Path> nightly = runs.filter(f -> f.getFileName().toString().contains("nightly")).toList();
      if (nightly.size() != 1) {
        throw new IllegalStateException("the nightly command left " + nightly.size() + " run summaries: see " + log);
      }
      JsonNode summary = new ObjectMapper().readTree(nightly.get(0).toFile());
      if (summary.path("read").asLong() != options.nightArticles() || !summary.path("reconciled").asBoolean()) {
        throw new IllegalStateException("the nightly command read " + summary.path("read").asLong() + " of "
            + options.nightArticles() + " records (reconciled: " + summary.path("reconciled") + "): see " + log);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * This JVM's flags a child JVM may share: not those that attach an agent or a debugger, open a management
   * port, or write a file of their own (flight recordings, class archives, logs, heap dumps), which the two
   * would fight over; the rest (heap, class-data sharing archive, module openings, system properties) as given.
   */
  static List<String> childFlags(List<String> flags) {
    List<String> out = new ArrayList<>();
    for (String f : flags) {
      boolean own = f.startsWith("-agentlib") || f.startsWith("-agentpath") || f.startsWith("-javaagent")
          || f.startsWith("-Xrunjdwp") || f.startsWith("-XX:ArchiveClassesAtExit")
          || f.startsWith("-XX:StartFlightRecording") || f.startsWith("-XX:FlightRecorderOptions")
          || f.startsWith("-XX:HeapDumpPath") || f.startsWith("-Dcom.sun.management.jmxremote")
          || (f.startsWith("-Xlog") && f.contains("file="));
      if (!own) {
        out.add(f);
      }
    }
    return out;
  }

  /** Runs the night's pipeline on the lake in {@code lakeDir} and checks that its ingest read every record. */
  private void runNight(LocalDate night, Path corpus, Path lakeDir, BiConsumer<Pipeline, StageContext> runner) {
    Lake lake = new Lake(spark, lakeDir.toString());
    RunSummary summary = new RunSummary("bench-nightly", lake.root(), List.of(corpus.toString()));
    Pipeline pipeline = Pipelines.nightly(new Pipelines.NightlyOptions(night,
        IngestJob.Options.of(List.of(corpus.toString())), TopicsJob.Options.defaults(), TrendsJob.Options.defaults(),
        null));
    runner.accept(pipeline, new StageContext(spark, lake, summary));
    IngestResult ingest = summary.result(IngestResult.class).orElseThrow();
    if (ingest.read() != options.nightArticles() || !ingest.reconciled()) {
      throw new IllegalStateException("the night's ingest read " + ingest.read() + " of " + options.nightArticles()
          + " records (reconciled: " + ingest.reconciled() + ")");
    }
  }

  /** A fresh copy of the lake {@code from} in {@code to}. */
  private static void copy(Path from, Path to) {
    FileUtils.deleteQuietly(to.toFile());
    try {
      FileUtils.copyDirectory(from.toFile(), to.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
