package org.frontline.extract;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.frontline.common.ColumnTransformer;
import org.frontline.common.Progress;
import org.frontline.lake.Lake;
import org.frontline.lake.RunSummary;
import org.frontline.lake.Tables;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

  public void run(RunSummary summary) {
    Progress p = Progress.start("extract", "reading articles");
    Dataset<Row> articles = lake.read(Tables.ARTICLES);
    Dataset<Row> mentions = ColumnTransformer.materialize(mentions(articles, options.asOf()));
    // one pass over the materialised mentions for the totals
    Row totals = mentions.agg(count(lit(1)), count_distinct(col("doc_id")),
        sum(when(col("region_iso").isNull(), 1).otherwise(0))).first();
    long n = totals.getLong(0);
    Progress.info("extract", "writing " + n + " mentions");
    lake.overwrite(Tables.MENTIONS, mentions);
    Map<String, Object> s = new LinkedHashMap<>();
    long nArticles = articles.count();
    s.put("articles", nArticles);
    s.put("articles_with_mentions", totals.getLong(1));
    s.put("mentions", n);
    Map<String, Map<String, Long>> by = RunSummary.counts(mentions, "weapon", "country", "date_basis");
    s.put("by_weapon", by.get("weapon"));
    s.put("by_country", by.get("country"));
    s.put("by_date_basis", by.get("date_basis"));
    s.put("national", totals.isNullAt(2) ? 0L : totals.getLong(2));
    summary.section("extract", s);
    p.done(n + " mentions from " + s.get("articles_with_mentions") + " of " + nArticles + " articles");
  }

  /** The span of event dates a nightly change touched (both null when no dated mention changed). */
  public record DateSpan(LocalDate from, LocalDate to) {
    static DateSpan of(Row a, Row b) {
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

    public boolean isEmpty() {
      return from == null;
    }
  }

  /**
   * The nightly form of the stage: the mentions of the {@code changed} articles (column {@code doc_id}; new,
   * replaced or demoted ones) are deleted and those of the ones still kept extracted again; every other
   * article's mentions stay as they are. Returns the span of event dates whose mentions changed (old and
   * new), for the events stage to recompute.
   */
  public DateSpan runChanged(Dataset<Row> changed, RunSummary summary) {
    Progress p = Progress.start("extract", "reading the changed articles");
    Dataset<Row> ids = changed.select("doc_id").distinct();
    Row before = lake.exists(Tables.MENTIONS)
        ? lake.read(Tables.MENTIONS).join(ids, "doc_id").agg(min("event_date"), max("event_date")).first()
        : RowFactory.create(null, null);
    Dataset<Row> articles = lake.read(Tables.ARTICLES).join(ids, new String[] {"doc_id"}, "left_semi");
    Dataset<Row> mentions = ColumnTransformer.materialize(mentions(articles, options.asOf()));
    Row totals = mentions.agg(count(lit(1)), count_distinct(col("doc_id")), min("event_date"), max("event_date"))
        .first();
    lake.deleteMatching(Tables.MENTIONS, ids, "doc_id");
    lake.append(Tables.MENTIONS, mentions);
    long n = totals.getLong(0);
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("articles_changed", ids.count());
    s.put("articles_with_mentions", totals.getLong(1));
    s.put("mentions", n);
    s.put("by_weapon", RunSummary.counts(mentions, "weapon"));
    DateSpan span = DateSpan.of(before, RowFactory.create(totals.get(2), totals.get(3)));
    s.put("event_dates_changed", span.isEmpty() ? null : span.from() + ".." + span.to());
    summary.section("extract", s);
    p.done(n + " mentions from " + totals.getLong(1) + " changed articles"
        + (span.isEmpty() ? "" : "; event dates " + span.from() + " .. " + span.to() + " to recompute"));
    return span;
  }
}
