package org.frontline.extract;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.frontline.common.ColumnTransformer;
import org.frontline.common.Progress;
import org.frontline.extract.ExtractResult.DateSpan;
import org.frontline.lake.ChangedArticles;
import org.frontline.lake.Lake;
import org.frontline.lake.RunSummary;
import org.frontline.lake.Tables;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.*;

/**
 * Stage {@code extract}: articles → mentions. Reads the lake's {@code articles}, runs
 * {@link StrikeExtractor} and writes one {@code mentions} row per strike an article describes, replacing
 * the table in one commit (a re-run gives the same table).
 */
public final class ExtractJob {
  /** The stage's options: the date undated articles are read against (null: today, UTC). */
  public record Options(String asOf) {}

  private final Lake lake;
  private final Options options;

  public ExtractJob(Lake lake, Options options) {
    this.lake = lake;
    this.options = options;
  }

  /** The mentions of a frame of articles (columns of the articles table), one row each. */
  public static Dataset<Row> mentions(Dataset<Row> articles, String asOf) {
    return mentions(articles, asOf, null);
  }

  /**
   * The mentions of a frame of articles, with a second opinion's flagged sentences in {@code flagsCol}
   * (see {@link StrikeSentenceModel#flags}); null: the rules alone.
   */
  public static Dataset<Row> mentions(Dataset<Row> articles, String asOf, String flagsCol) {
    StrikeExtractor extractor = new StrikeExtractor().setAsOf(asOf == null ? "" : asOf);
    List<String> columns = new ArrayList<>(List.of("doc_id", "source_file", "published_date", "source",
        "url", "title", "text"));
    if (flagsCol != null) {
      extractor.setFlagsCol(flagsCol);
      columns.add(flagsCol);
    }
    // the rules cost about a millisecond per article: the articles are read as at least four tasks per core
    // (Sessions sets the least number of file splits), not shuffled first (their text is most of the table)
    Dataset<Row> withMentions = extractor.transform(articles.select(columns.stream().map(c -> col(c))
        .toArray(Column[]::new)));
    return withMentions
        .select(col("doc_id"), col("source_file"), col("published_date"), col("source"), col("url"), col("title"),
            posexplode(col("mentions")).as(new String[] {"pos", "m"}))
        .select(concat(col("doc_id"), lit("#"), col("pos").cast("string")).as("mention_id"),
            col("doc_id"), col("source_file"), col("published_date"), col("source"), col("url"), col("title"),
            col("m.*"));
  }

  /** Extracts the mentions of every article and rewrites the mentions table. */
  public ExtractResult.Full run() {
    Progress p = Progress.start("extract", "reading articles");
    Dataset<Row> articles = lake.read(Tables.ARTICLES);
    Dataset<Row> mentions = ColumnTransformer.materialize(mentions(articles, options.asOf()));
    // one pass over the materialised mentions for the totals
    Row totals = mentions.agg(count(lit(1)), count_distinct(col("doc_id")),
        sum(when(col("region_iso").isNull(), 1).otherwise(0))).first();
    long n = totals.getLong(0);
    Progress.info("extract", "writing " + n + " mentions");
    lake.overwrite(Tables.MENTIONS, mentions);
    long nArticles = articles.count();
    Map<String, Map<String, Long>> by = RunSummary.counts(mentions, "weapon", "country", "date_basis");
    p.done(n + " mentions from " + totals.getLong(1) + " of " + nArticles + " articles");
    return new ExtractResult.Full(nArticles, totals.getLong(1), n, by.get("weapon"), by.get("country"),
        by.get("date_basis"), totals.isNullAt(2) ? 0L : totals.getLong(2));
  }

  /** The span of event dates of two (min, max) rows, either of them (null, null). */
  private static DateSpan span(Row a, Row b) {
    LocalDate lo = null;
    LocalDate hi = null;
    for (Row r : List.of(a, b)) {
      if (!r.isNullAt(0)) {
        LocalDate x = r.getDate(0).toLocalDate();
        LocalDate y = r.getDate(1).toLocalDate();
        lo = lo == null || x.isBefore(lo) ? x : lo;
        hi = hi == null || y.isAfter(hi) ? y : hi;
      }
    }
    return new DateSpan(lo, hi);
  }

  /**
   * The nightly form of the stage: the mentions of the {@code changed} articles (new, replaced or demoted
   * ones) are deleted and those of the ones still kept extracted again; every other
   * article's mentions stay as they are. Returns the span of event dates whose mentions changed (old and
   * new), for the events stage to recompute.
   */
  public ExtractResult.Changed runChanged(ChangedArticles changed) {
    Progress p = Progress.start("extract", "reading the changed articles");
    Dataset<Row> ids = changed.ids();
    Row before = lake.exists(Tables.MENTIONS)
        ? lake.read(Tables.MENTIONS).filter(changed.inDays("published_date")).join(ids, "doc_id")
            .agg(min("event_date"), max("event_date")).first()
        : RowFactory.create(null, null);
    Dataset<Row> articles = changed.read(lake);
    Dataset<Row> mentions = ColumnTransformer.materialize(mentions(articles, options.asOf()));
    Row totals = mentions.agg(count(lit(1)), count_distinct(col("doc_id")), min("event_date"), max("event_date"))
        .first();
    lake.deleteMatching(Tables.MENTIONS, ids, changed.inDays("t.published_date"), "doc_id");
    lake.append(Tables.MENTIONS, mentions);
    long n = totals.getLong(0);
    long nChanged = ids.count();
    Map<String, Long> byWeapon = RunSummary.counts(mentions, "weapon");
    DateSpan span = span(before, RowFactory.create(totals.get(2), totals.get(3)));
    p.done(n + " mentions from " + totals.getLong(1) + " changed articles"
        + (span.isEmpty() ? "" : "; event dates " + span.from() + " .. " + span.to() + " to recompute"));
    return new ExtractResult.Changed(nChanged, totals.getLong(1), n, byWeapon, span, changed);
  }
}
