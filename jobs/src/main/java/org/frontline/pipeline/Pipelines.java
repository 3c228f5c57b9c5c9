package org.frontline.pipeline;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.frontline.common.ColumnTransformer;
import org.frontline.common.Progress;
import org.frontline.events.EventsJob;
import org.frontline.events.EventsResult;
import org.frontline.extract.ExtractJob;
import org.frontline.extract.ExtractResult;
import org.frontline.ingest.IngestJob;
import org.frontline.ingest.IngestResult;
import org.frontline.lake.ChangedArticles;
import org.frontline.lake.Lake;
import org.frontline.lake.Tables;
import org.frontline.report.PeriodReportJob;
import org.frontline.report.ReportJob;
import org.frontline.topics.TopicModelStore;
import org.frontline.topics.TopicsJob;
import org.frontline.trends.TrendsJob;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.apache.spark.sql.functions.col;

/**
 * Frontline's pipelines, each declared once, top to bottom: the full run ({@link #full}), the night
 * ({@link #nightly}), and the one-stage pipelines of the stage commands. The {@code run}, {@code nightly},
 * {@code bench} and single-stage commands only parse options and hand one of these to the {@link StageRunner}.
 */
public final class Pipelines {
  private Pipelines() {}

  /**
   * Options of the full run; {@code reportOut} null: {@code LAKE/report}; {@code reportDate} null: the last day;
   * {@code official}: an official daily series the report of an archive's span sets the news against (null: none).
   */
  public record RunOptions(IngestJob.Options ingest, ExtractJob.Options extract, TopicsJob.Options topics,
                           TrendsJob.Options trends, String reportOut, LocalDate reportDate, String official) {
    /** Without an official series to set the news against. */
    public RunOptions(IngestJob.Options ingest, ExtractJob.Options extract, TopicsJob.Options topics,
                      TrendsJob.Options trends, String reportOut, LocalDate reportDate) {
      this(ingest, extract, topics, trends, reportOut, reportDate, null);
    }
  }

  /**
   * Every stage over the inputs: ReadCorpus → ExtractMentions → MergeEvents → AssignTopics → ComputeTrends →
   * WriteReport (AssignTopics, which reads only articles, beside ExtractMentions → MergeEvents → ComputeTrends,
   * when run by {@link StageRunner#runConcurrently}).
   */
  public static Pipeline full(RunOptions o) {
    return Pipeline.of("run",
        ingest(o.ingest()),
        extract(o.extract()),
        events(),
        topics(o.topics()),
        trends(o.trends()),
        report(lake -> new ReportJob.Options(o.reportOut() != null ? o.reportOut() : lake.path("report"),
            o.reportDate(), true, o.official())));
  }

  /** Options of one night; {@code reportOut} null: {@code LAKE/reports/DATE}. */
  public record NightlyOptions(LocalDate date, IngestJob.Options ingest, TopicsJob.Options topics,
                               TrendsJob.Options trends, String reportOut) {
    public NightlyOptions {
      if (date == null) {
        throw new IllegalArgumentException("--date is required");
      }
      if (topics.refit()) {
        throw new IllegalArgumentException("nightly applies the saved topic model; refit with 'frontline topics"
            + " --refit' instead of 'nightly --refit'");
      }
    }
  }

  /**
   * One night, incrementally: IngestNight → ExtractChanged → RebuildTouchedEvents → AssignTopics →
   * UpdateTrends → WriteReport (AssignTopics beside RebuildTouchedEvents → UpdateTrends, when run by
   * {@link StageRunner#runConcurrently}). Only the articles of the night's files (and earlier ones they outrank as
   * duplicates) are extracted again; only the events of the days their mentions touch, and only the trend
   * rows from the first changed day on, are recomputed. Every write replaces rows by key, so running a night
   * twice changes nothing and nights run out of order end in the same lake.
   */
  public static Pipeline nightly(NightlyOptions o) {
    return Pipeline.of("nightly",
        ingest(o.ingest()),
        new Stage("extract", List.of(Tables.ARTICLES, Tables.MENTIONS), List.of(Tables.MENTIONS),
            c -> new ExtractJob(c.lake(), new ExtractJob.Options(o.date().toString()))
                .runChanged(changedArticles(c.lake(), c.result(IngestResult.class)))).runAfter("ingest"),
        new Stage("events", List.of(Tables.MENTIONS), List.of(Tables.EVENTS), c -> {
          ExtractResult.DateSpan span = c.result(ExtractResult.Changed.class).span();
          if (span.isEmpty()) {
            Progress.info("events", "no dated mention changed: events unchanged");
            return new EventsResult.Unchanged();
          }
          return new EventsJob(c.lake()).runBetween(span.from(), span.to());
        }).runAfter("extract"),
        nightTopics(o.topics()),
        new Stage("trends", List.of(Tables.EVENTS, Tables.ARTICLES, Tables.STRIKE_TRENDS),
            List.of(Tables.STRIKE_TRENDS, Tables.SPIKES),
            c -> new TrendsJob(c.lake(), o.trends().incremental(c.result(EventsResult.class).recomputedFrom()))
                .run()).runAfter("events"),
        report(lake -> new ReportJob.Options(o.reportOut() != null ? o.reportOut()
            : lake.path("reports/" + o.date()), o.date())))
        .withHeader("night", o.date().toString());
  }

  /**
   * The topics stage of a night: the changed articles assigned with the saved model and the topic trend
   * periods they touch recomputed; with no model yet, it says so and fits the first on the articles so far.
   */
  private static Stage nightTopics(TopicsJob.Options o) {
    Stage full = topics(o);
    return new Stage(full.name(), full.reads(), full.writes(), c -> {
      if (new TopicModelStore(c.lake()).currentId().isEmpty()) {
        Progress.info("topics", "the lake has no topic model yet: fitting one on the articles so far;"
            + " later nights apply it (refit with 'frontline topics --refit')");
        return full.work().apply(c);
      }
      return new TopicsJob(c.lake(), o).runChanged(c.result(ExtractResult.Changed.class).articles());
    }).runAfter("extract");
  }

  /**
   * The articles whose mentions and topics a night may have changed, with their publication days: those of
   * the night's files kept now, and the earlier articles the night's ingest took out or changed (kept from
   * the same files by an earlier run, with their day as it was then, or demoted to duplicates). The night's
   * files' articles are found by {@code source_file}, which the articles' file statistics let Delta skip on.
   */
  static ChangedArticles changedArticles(Lake lake, IngestResult ingest) {
    Object[] files = ingest.inputFiles().toArray();
    Dataset<Row> changed = ColumnTransformer.materialize(lake.read(Tables.ARTICLES)
        .filter(col("source_file").isin(files)).select("doc_id", "published_date")
        .union(ingest.demotedArticles().select("doc_id", "published_date"))
        .distinct());
    List<LocalDate> days = new ArrayList<>();
    boolean undated = false;
    for (Row r : changed.select("published_date").distinct().collectAsList()) { // one row per day
      if (r.isNullAt(0)) {
        undated = true;
      } else {
        days.add(r.getDate(0).toLocalDate());
      }
    }
    return new ChangedArticles(ColumnTransformer.materialize(changed.select("doc_id").distinct()), days, undated);
  }

  /** ReadCorpus: the input files into articles, duplicates and quarantine. */
  public static Stage ingest(IngestJob.Options o) {
    return new Stage("ingest", List.of(Tables.ARTICLES, Tables.BAND_KEYS), List.of(Tables.ARTICLES,
        Tables.BAND_KEYS, Tables.DUPLICATES, Tables.QUARANTINE), c -> new IngestJob(c.spark(), c.lake(), o).run());
  }

  /** ExtractMentions: every article's strike mentions. */
  public static Stage extract(ExtractJob.Options o) {
    return new Stage("extract", List.of(Tables.ARTICLES), List.of(Tables.MENTIONS),
        c -> new ExtractJob(c.lake(), o).run());
  }

  /** MergeEvents: mentions of one strike into one event. */
  public static Stage events() {
    return new Stage("events", List.of(Tables.MENTIONS), List.of(Tables.EVENTS), c -> new EventsJob(c.lake()).run());
  }

  /** AssignTopics: fit (or load) the topic model, assign every article, topic trends. */
  public static Stage topics(TopicsJob.Options o) {
    return new Stage("topics", List.of(Tables.ARTICLES, Tables.TOPIC_MODELS),
        List.of(Tables.ARTICLE_TOPICS, Tables.TOPICS, Tables.TOPIC_TRENDS, Tables.TOPIC_MODELS),
        c -> new TopicsJob(c.lake(), o).run());
  }

  /** ComputeTrends: strike trends per area and period, and spikes. */
  public static Stage trends(TrendsJob.Options o) {
    return new Stage("trends", List.of(Tables.EVENTS, Tables.ARTICLES), List.of(Tables.STRIKE_TRENDS, Tables.SPIKES),
        c -> new TrendsJob(c.lake(), o).run());
  }

  /** WriteReport for a period: the report of some days from the trend, event and topic tables. */
  public static Stage periodReport(Function<Lake, PeriodReportJob.Options> options) {
    return new Stage("report", List.of(Tables.STRIKE_TRENDS, Tables.EVENTS, Tables.ARTICLES, Tables.TOPIC_TRENDS),
        List.of(), c -> new PeriodReportJob(c.lake(), options.apply(c.lake())).run());
  }

  /** WriteReport: the night's report from the trend, event and topic tables. */
  public static Stage report(Function<Lake, ReportJob.Options> options) {
    return new Stage("report", List.of(Tables.STRIKE_TRENDS, Tables.SPIKES, Tables.EVENTS, Tables.MENTIONS,
        Tables.ARTICLES, Tables.TOPIC_TRENDS), List.of(),
        c -> new ReportJob(c.lake(), options.apply(c.lake())).run());
  }

  /** A pipeline of one stage, for the stage commands ({@code ingest}, {@code extract}, …). */
  public static Pipeline single(Stage stage) {
    return Pipeline.of(stage.name(), stage);
  }
}
