package org.frontline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.spark.sql.SparkSession;
import org.frontline.bench.Benchmark;
import org.frontline.bench.Benchmark.SizeResult;
import org.frontline.bench.NightBenchmark;
import org.frontline.bench.StageMeter.SparkStage;
import org.frontline.bench.StageMeter.Window;
import org.frontline.common.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Measure the pipeline on seeded synthetic corpora (generated once, cached): per stage the wall"
            + " time, articles per second (per core), the driver's heap and Spark's shuffle; a bare Spark scan of the"
            + " same files (read.json + RegexTokenizer + count) as the baseline. The last line reads",
        "articles_per_s_per_core=<n> ratio_to_baseline=<r> scaling_<big>_over_<small>=<s> driver_heap_mb=<m>",
        "for ingest + extract + events + trends on the largest corpus. With --nightly, the same night on the lake of"
            + " each size instead; its last line reads night_s_<small>=<s> night_s_<big>=<s> scaling=<r>."
            + " See docs/BENCHMARKS.md."})
final class BenchCommand implements Callable<Integer> {
  @Option(names = "--sizes", split = ",", defaultValue = "50000,200000,800000",
      description = "corpus sizes in articles (default: ${DEFAULT-VALUE})")
  List<Long> sizes;

  @Option(names = "--seed", defaultValue = "42", description = "the corpora's seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--work", defaultValue = "target/bench", paramLabel = "DIR",
      description = "where the lakes and bench.json are written (default: ${DEFAULT-VALUE})")
  Path work;

  @Option(names = "--cache", paramLabel = "DIR",
      description = "where generated corpora are kept between runs (default: WORK/corpora)")
  Path cache;

  @Option(names = "--topics-at", defaultValue = "200000", paramLabel = "N",
      description = "the corpus size whose lake also gets a topic fit (0: none; default: ${DEFAULT-VALUE})")
  long topicsAt;

  @Option(names = "--keep-lakes", description = "keep each size's lake under WORK (default: deleted)")
  boolean keepLakes;

  @Option(names = "--detail", description = "also list the Spark stages that took the most task time per stage")
  boolean detail;

  @Option(names = "--nightly", description = "measure one night instead: the same night of new articles on the"
      + " lake of each size (built once with a topic fit, cached under CACHE/lakes): frontline nightly in a JVM of"
      + " its own, then one stage at a time to measure each")
  boolean nightly;

  @Option(names = "--night-articles", defaultValue = "" + NightBenchmark.DEFAULT_NIGHT_ARTICLES, paramLabel = "N",
      description = "records in the night (with --nightly; default: ${DEFAULT-VALUE})")
  int nightArticles;

  @Mixin
  SparkOptions sparkOptions;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (nightly) {
      return nightly();
    }
    Benchmark.Options options = new Benchmark.Options(sizes, seed, cache != null ? cache : work.resolve("corpora"),
        work, topicsAt, keepLakes);
    Files.createDirectories(work);
    Progress p = Progress.start("bench", "starting Spark");
    SparkSession spark = sparkOptions.session("frontline-bench");
    Benchmark bench = new Benchmark(spark, options);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "# Spark %s, master %s, %d cores, driver heap max %,d MB, shuffle partitions %s, Java %s%n",
        spark.version(), spark.sparkContext().master(), bench.cores(), Runtime.getRuntime().maxMemory() >> 20,
        spark.conf().get("spark.sql.shuffle.partitions"), System.getProperty("java.version"));
    out.flush();
    List<SizeResult> results = bench.run();
    printTable(out, results);
    Path json = work.resolve("bench.json");
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(json.toFile(), toJson(spark, bench, results));
    out.println("# results in " + json);
    out.println(lastLine(results));
    out.flush();
    p.done("ok");
    return 0;
  }

  private Integer nightly() throws Exception {
    NightBenchmark.Options options = new NightBenchmark.Options(sizes, seed,
        cache != null ? cache : work.resolve("corpora"), work, nightArticles, keepLakes);
    Files.createDirectories(work);
    Progress p = Progress.start("bench", "starting Spark");
    SparkSession spark = sparkOptions.session("frontline-bench-nightly");
    NightBenchmark bench = new NightBenchmark(spark, options);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "# Spark %s, master %s, %d cores, driver heap max %,d MB, Java %s%n", spark.version(),
        spark.sparkContext().master(), bench.cores(), Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.version"));
    out.flush();
    List<NightBenchmark.NightResult> results = bench.run();
    out.println();
    out.printf(Locale.ROOT, "%9s %7s  %-8s %8s %12s %10s %10s %7s%n", "lake", "night", "stage", "wall_s",
        "rows_read", "input_MB", "shuffle_MB", "tasks");
    for (NightBenchmark.NightResult r : results) {
      for (Window w : r.stages()) {
        out.printf(Locale.ROOT, "%,9d %,7d  %-8s %8.1f %,12d %,10.1f %,10.1f %,7d%n", r.lakeArticles(),
            r.nightArticles(), w.name(), w.seconds(), w.inputRecords(), w.inputBytes() / 1e6,
            w.shuffleWriteBytes() / 1e6, w.tasks());
      }
      out.printf(Locale.ROOT, "%,9d %,7d  %-8s %8.1f%s%n", r.lakeArticles(), r.nightArticles(), "in_turn",
          r.seconds(), r.interpreted() ? "  (expressions interpreted: small data)" : "");
      out.printf(Locale.ROOT, "%,9d %,7d  %-8s %8.1f%n", r.lakeArticles(), r.nightArticles(), "night",
          r.asRunSeconds());
    }
    out.println("# rows_read: records read from files by the night's Spark tasks (lake tables and the night's"
        + " corpus)");
    out.println("# in_turn: the stages' wall times added up, the night run one stage at a time to measure each;"
        + " night: the same night run first, on a fresh copy of the lake, "
        + (results.get(0).ownJvm() ? "by frontline nightly in a JVM of its own (the JVM's start included)"
            : "with its stages side by side in this JVM") + " (topics beside extract -> events -> trends)");
    Path json = work.resolve("bench-nightly.json");
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("spark", spark.version());
    root.put("master", spark.sparkContext().master());
    root.put("cores", bench.cores());
    root.put("results", results);
    NightBenchmark.NightResult small = results.get(0);
    NightBenchmark.NightResult big = results.get(results.size() - 1);
    String last = String.format(Locale.ROOT, "night_s_%s=%.1f night_s_%s=%.1f scaling=%.2f",
        label(small.lakeArticles()), small.asRunSeconds(), label(big.lakeArticles()), big.asRunSeconds(),
        big.asRunSeconds() / small.asRunSeconds());
    root.put("last_line", last);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), root);
    out.println("# results in " + json);
    out.println(last);
    out.flush();
    p.done("ok");
    return 0;
  }

  private void printTable(PrintWriter out, List<SizeResult> results) {
    out.println();
    out.printf(Locale.ROOT, "%9s  %-9s %8s %9s %10s %10s %10s %10s %9s %7s%n", "articles", "stage", "wall_s",
        "art/s", "art/s/core", "heap_peak", "heap_after", "shuffle_MB", "spill_MB", "tasks");
    for (SizeResult r : results) {
      List<Window> rows = new ArrayList<>();
      rows.add(r.baseline());
      rows.addAll(r.stages());
      for (Window w : rows) {
        out.printf(Locale.ROOT, "%,9d  %-9s %8.1f %,9.0f %,10.0f %,10d %,10d %,10.1f %,9.1f %,7d%n", r.articles(),
            w.name(), w.seconds(), r.articles() / w.seconds(), r.articles() / w.seconds() / r.cores(),
            w.heapPeakBytes() >> 20, w.heapAfterBytes() >> 20, (w.shuffleWriteBytes()) / 1e6,
            w.spillBytes() / 1e6, w.tasks());
      }
      out.printf(Locale.ROOT, "%,9d  %-9s %8.1f %,9.0f %,10.0f %,10d %10s %10s %9s %7s   ratio_to_baseline=%.2f%n",
          r.articles(), "pipeline", r.pipelineSeconds(), r.articles() / r.pipelineSeconds(),
          r.articlesPerSecondPerCore(), r.heapPeakBytes() >> 20, "", "", "", "", r.ratioToBaseline());
      if (detail) {
        for (Window w : r.stages()) {
          for (SparkStage s : w.topStages()) {
            out.printf(Locale.ROOT, "           %-9s %7.1f task-s %,6d tasks %,4d stage(s)  %s%n", w.name(),
                s.taskSeconds(), s.tasks(), s.stages(), s.callSite());
          }
        }
      }
    }
    out.println("# pipeline = ingest + extract + events + trends; heap in MB: the peak live heap after a GC"
        + " (heap_peak) and after a full GC at the stage's end (heap_after); art/s counts records read");
  }

  static String lastLine(List<SizeResult> results) {
    SizeResult big = results.get(results.size() - 1);
    SizeResult small = results.size() > 1 ? results.get(results.size() - 2) : big;
    return String.format(Locale.ROOT,
        "articles_per_s_per_core=%.0f ratio_to_baseline=%.2f scaling_%s_over_%s=%.2f driver_heap_mb=%d",
        big.articlesPerSecondPerCore(), big.ratioToBaseline(), label(big.articles()), label(small.articles()),
        big.pipelineSeconds() / small.pipelineSeconds(), big.heapPeakBytes() >> 20);
  }

  static String label(long n) {
    return n % 1_000_000 == 0 ? n / 1_000_000 + "m" : n % 1_000 == 0 ? n / 1_000 + "k" : Long.toString(n);
  }

  private static Map<String, Object> toJson(SparkSession spark, Benchmark bench, List<SizeResult> results) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("spark", spark.version());
    root.put("master", spark.sparkContext().master());
    root.put("cores", bench.cores());
    root.put("driver_heap_max_mb", Runtime.getRuntime().maxMemory() >> 20);
    root.put("java", System.getProperty("java.version"));
    root.put("results", results);
    root.put("last_line", lastLine(results));
    return root;
  }
}
