package org.frontline.extract;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.frontline.common.ColumnTransformer;
import org.frontline.common.Progress;
import org.frontline.lake.Lake;
import org.frontline.lake.RunSummary;
import org.frontline.lake.Tables;

import java.util.LinkedHashMap;
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
    StrikeExtractor extractor = new StrikeExtractor().setAsOf(asOf == null ? "" : asOf);
    Dataset<Row> withMentions = extractor.transform(articles.select("doc_id", "source_file", "published_date",
        "source", "url", "title", "text"));
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
    s.put("by_weapon", RunSummary.counts(mentions, "weapon"));
    s.put("by_country", RunSummary.counts(mentions, "country"));
    s.put("by_date_basis", RunSummary.counts(mentions, "date_basis"));
    s.put("national", totals.isNullAt(2) ? 0L : totals.getLong(2));
    summary.section("extract", s);
    p.done(n + " mentions from " + s.get("articles_with_mentions") + " of " + nArticles + " articles");
  }
}
