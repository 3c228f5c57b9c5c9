package org.frontline.cli;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.frontline.common.Progress;
import org.frontline.common.RunLog;
import org.frontline.common.Sessions;
import org.frontline.ingest.IngestResult;
import org.frontline.ingest.InputFiles;
import org.frontline.lake.Lake;
import org.frontline.lake.RunSummary;
import org.frontline.lake.Tables;
import org.frontline.pipeline.Pipeline;
import org.frontline.pipeline.StageContext;
import org.frontline.pipeline.StageRunner;
import org.frontline.report.PeriodReportResult;
import org.frontline.report.ReportResult;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** A command that runs stages over a lake and ends with a run summary. */
abstract class LakeCommand implements Callable<Integer> {
  @Option(names = "--lake", required = true, paramLabel = "DIR", description = "the output lake directory")
  String lakeDir;

  @Mixin
  SparkOptions sparkOptions;

  @Option(names = "--log-dir", paramLabel = "DIR",
      description = "where this run's log is written, one file per run (default: LAKE/logs)")
  String logDir;

  /** The session and the run id of the current call, kept to name and write its log. */
  private SparkSession spark;
  private String runId;

  abstract String name();

  /** The pipeline this command runs (built from its parsed options). */
  abstract Pipeline pipeline();

  List<String> arguments() {
    return List.of();
  }

  /** The input files or directories this command reads, sized to choose how Spark evaluates expressions. */
  List<String> inputs() {
    return List.of();
  }

  /**
   * Whether this command's work grows with the lake's articles, so that they count towards the small-data limit
   * ({@link Sessions#INTERPRETED_MAX_BYTES}). A night reads the days its records touch, not the lake: only its
   * input files count.
   */
  boolean readsLakeArticles() {
    return true;
  }

  /** The run's log file name, without the run id (nightly adds its date). */
  String logName() {
    return name();
  }

  @Override
  public Integer call() {
    RunLog log = RunLog.start(name());
    try {
      return execute();
    } catch (RuntimeException | Error e) {
      if (log != null) {
        log.logOnly().println("frontline: " + Frontline.describe(e));
        e.printStackTrace(log.logOnly());
      }
      throw e;
    } finally {
      if (log != null) {
        String dir = logDir != null ? logDir : lakeDir.replaceAll("/+$", "") + "/logs";
        String id = runId != null ? runId : RunSummary.failedRunId(name());
        Configuration conf = spark != null ? spark.sparkContext().hadoopConfiguration() : new Configuration();
        String where = log.finish(dir, logName() + "-" + id + ".log", conf);
        Progress.info(name(), "log: " + where);
      }
    }
  }

  /**
   * What this command reads, in bytes, to choose how Spark evaluates expressions: its input files (compressed
   * and Parquet ones weighed by {@link InputFiles#PACKED_FACTOR}) plus, unless it reads only the days its input
   * touches ({@link #readsLakeArticles}), the lake's articles, counted up to the small-data limit. Inputs that
   * cannot be listed count as large: the stage reading them says why.
   */
  private long dataBytes(Lake lake) {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    long total = 0;
    if (!inputs().isEmpty()) {
      try {
        total = InputFiles.expand(inputs(), null, hadoop).textBytes();
      } catch (RuntimeException e) {
        return Long.MAX_VALUE;
      }
    }
    if (readsLakeArticles() && lake.exists(Tables.ARTICLES) && total <= Sessions.INTERPRETED_MAX_BYTES) {
      long articles = Sessions.bytesUpTo(hadoop, lake.path(Tables.ARTICLES), Sessions.INTERPRETED_MAX_BYTES);
      total = articles == Long.MAX_VALUE ? articles : total + articles;
    }
    return total;
  }

  private Integer execute() {
    Progress p = Progress.start(name(), "starting Spark");
    spark = sparkOptions.session("frontline-" + name());
    Progress.info(name(), "Spark " + spark.version() + " on " + spark.sparkContext().master()
        + " in " + String.format("%.1f s", p.seconds()));
    Lake lake = new Lake(spark, lakeDir);
    lake.ensureWritable();
    long bytes = dataBytes(lake);
    RunSummary summary = new RunSummary(name(), lake.root(), arguments());
    runId = summary.runId();
    String json;
    try (Sessions.Interpreted interpreted = Sessions.interpretSmallData(spark, bytes)) {
      if (interpreted.active()) {
        Progress.info(name(), String.format("%.1f MB of inputs%s: expressions interpreted, no code"
            + " generated (small data)", bytes / 1048576.0, readsLakeArticles() ? " and articles" : ""));
      }
      json = StageRunner.runLocked(pipeline(), new StageContext(spark, lake, summary), name());
    }
    System.out.println(json);
    System.out.println("Outputs in " + lake.root() + ":");
    for (String t : Tables.DATA_TABLES) {
      if (lake.exists(t)) {
        System.out.println("  " + t + "  " + lake.path(t));
      }
    }
    System.out.println("  runs      " + lake.path(Tables.RUNS) + "/" + summary.runId() + ".json");
    summary.result(ReportResult.class).ifPresent(r -> {
      System.out.println("  report of " + r.date() + "  " + r.html());
      if (r.span() != null) {
        System.out.println("  report of " + r.span().from() + " .. " + r.span().to() + "  " + r.span().html());
      }
    });
    summary.result(PeriodReportResult.class).ifPresent(r ->
        System.out.println("  report of " + r.from() + " .. " + r.to() + "  " + r.html()));
    boolean ok = summary.reconciled();
    long read = summary.result(IngestResult.class).map(IngestResult::read).orElse(0L);
    p.done(summary.totalsLine() + (read == 0 ? "" : ok ? " (reconciled)" : " (NOT RECONCILED)"));
    return ok ? 0 : 1;
  }
}
