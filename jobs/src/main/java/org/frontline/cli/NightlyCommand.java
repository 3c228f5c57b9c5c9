package org.frontline.cli;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.frontline.common.ColumnTransformer;
import org.frontline.common.Progress;
import org.frontline.events.EventsJob;
import org.frontline.extract.ExtractJob;
import org.frontline.ingest.IngestJob;
import org.frontline.lake.Lake;
import org.frontline.lake.RunSummary;
import org.frontline.lake.Tables;
import org.frontline.report.ReportJob;
import org.frontline.topics.TopicModelStore;
import org.frontline.topics.TopicsJob;
import org.frontline.trends.TrendsJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;

/**
 * The scheduled run of one night: IngestNight → ExtractChanged → RebuildTouchedEvents → AssignTopics →
 * UpdateTrends → WriteReport. Only the articles of the night's files (and earlier ones they outrank as
 * duplicates) are extracted again; only the events of the days their mentions touch, and only the trend rows
 * from the first changed day on, are recomputed. Every write replaces rows by key, so running a night twice
 * changes nothing and nights run out of order end in the same lake; the lake lock refuses a concurrent run.
 */
@Command(name = "nightly", mixinStandardHelpOptions = true,
    description = "Process one night's new articles incrementally and write its report: ingest, extract and"
        + " events for what changed, the saved topic model, the trend rows from the first changed day, the report.")
final class NightlyCommand extends LakeCommand {
  @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD",
      description = "the night (its events are dated that morning); also the --as-of of undated articles")
  LocalDate date;

  @Mixin
  IngestOptions ingest;

  @Mixin
  TopicOptions topics;

  @Mixin
  TrendOptions trends;

  @Option(names = "--report-out", paramLabel = "DIR",
      description = "where the night's report is written (default: LAKE/reports/DATE)")
  String reportOut;

  @Override
  String name() {
    return "nightly";
  }

  @Override
  String logName() {
    return "nightly-" + date;
  }

  @Override
  List<String> arguments() {
    List<String> a = new ArrayList<>(List.of("--date", date.toString()));
    a.addAll(ingest.inputs);
    return a;
  }

  @Override
  void stages(SparkSession spark, Lake lake, RunSummary summary) {
    summary.put("night", date.toString());
    long t0 = System.nanoTime();
    IngestJob ingestJob = new IngestJob(spark, lake, ingest.toOptions());
    ingestJob.run(summary);
    summary.stage("ingest", (System.nanoTime() - t0) / 1e9);

    // the articles whose mentions may have changed: the night's files' (kept now, or kept before) and the
    // earlier articles this night demoted to duplicates
    Dataset<Row> changed = changedArticles(lake, ingestJob);
    t0 = System.nanoTime();
    ExtractJob.DateSpan span = new ExtractJob(lake, new ExtractJob.Options(date.toString()))
        .runChanged(changed, summary);
    summary.stage("extract", (System.nanoTime() - t0) / 1e9);

    LocalDate eventsFrom = null;
    t0 = System.nanoTime();
    if (!span.isEmpty()) {
      eventsFrom = new EventsJob(lake).runBetween(span.from(), span.to(), summary);
    } else {
      Progress.info("events", "no dated mention changed: events unchanged");
    }
    summary.stage("events", (System.nanoTime() - t0) / 1e9);

    t0 = System.nanoTime();
    TopicsJob.Options topicOptions = topics.toOptions();
    if (new TopicModelStore(lake).currentId().isEmpty()) {
      Progress.info("topics", "the lake has no topic model yet: fitting one on the articles so far; later"
          + " nights apply it (refit with 'frontline topics --refit')");
    } else if (topicOptions.refit()) {
      throw new IllegalArgumentException("nightly applies the saved topic model; refit with 'frontline topics"
          + " --refit' instead of 'nightly --refit'");
    }
    new TopicsJob(lake, topicOptions).run(summary);
    summary.stage("topics", (System.nanoTime() - t0) / 1e9);

    t0 = System.nanoTime();
    new TrendsJob(lake, trends.toOptions().incremental(eventsFrom)).run(summary);
    summary.stage("trends", (System.nanoTime() - t0) / 1e9);

    t0 = System.nanoTime();
    String out = reportOut != null ? reportOut : lake.path("reports/" + date);
    new ReportJob(lake, new ReportJob.Options(out, date)).run(summary);
    summary.stage("report", (System.nanoTime() - t0) / 1e9);
  }

  static Dataset<Row> changedArticles(Lake lake, IngestJob job) {
    Object[] files = job.files().toArray();
    Dataset<Row> ids = lake.read(Tables.ARTICLES).filter(col("source_file").isin(files)).select("doc_id");
    if (lake.exists(Tables.MENTIONS)) {
      ids = ids.union(lake.read(Tables.MENTIONS).filter(col("source_file").isin(files)).select("doc_id"));
    }
    if (job.demoted() != null) {
      ids = ids.union(job.demoted().select("doc_id"));
    }
    return ColumnTransformer.materialize(ids.distinct());
  }
}
