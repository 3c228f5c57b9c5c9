package org.frontline.topics;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static org.apache.spark.sql.functions.*;

/**
 * Topics over time: articles per topic per day and per ISO week (weeks start on Monday), with every period
 * between the first and the last dated article present for every topic (a day without a topic's articles is
 * a 0, not a missing row), the topic's share of the period's dated articles, and the terms most distinctive
 * of the topic in that period (class-based TF-IDF with one class per topic and period). Articles without a
 * publication date are left out of the trends (they still have a topic).
 */
public final class TopicTrends {
  private TopicTrends() {}

  public static final String DAY = "day";
  public static final String WEEK = "week";

  /**
   * @param assigned one row per article: {@code doc_id, published_date, topic_id} and {@code termsCol}
   * @param topics   {@code topic_id, label} of every topic to report
   * @param termsCol the article's vocabulary terms
   * @param nTerms   terms per topic and period
   */
  public static Dataset<Row> compute(Dataset<Row> assigned, Dataset<Row> topics, String termsCol, int nTerms,
                                     Dataset<Row> vocabulary) {
    Dataset<Row> dated = assigned.filter(col("published_date").isNotNull());
    return periods(dated, topics, termsCol, nTerms, vocabulary, DAY)
        .unionByName(periods(dated, topics, termsCol, nTerms, vocabulary, WEEK));
  }

  private static Column start(String period) {
    return DAY.equals(period) ? col("published_date") : to_date(date_trunc("week", col("published_date")));
  }

  private static Dataset<Row> periods(Dataset<Row> dated, Dataset<Row> topics, String termsCol, int nTerms,
                                      Dataset<Row> vocabulary, String period) {
    Dataset<Row> withStart = dated.withColumn("period_start", start(period));
    Column step = DAY.equals(period) ? expr("INTERVAL 1 DAY") : expr("INTERVAL 7 DAYS");
    Dataset<Row> calendar = withStart.agg(min("period_start").as("lo"), max("period_start").as("hi"))
        .filter(col("lo").isNotNull())
        .select(explode(sequence(col("lo"), col("hi"), step)).as("period_start"));
    Dataset<Row> counts = withStart.groupBy("period_start", "topic_id").agg(count(lit(1)).as("articles"));
    Dataset<Row> totals = withStart.groupBy("period_start").agg(count(lit(1)).as("period_articles"));
    Dataset<Row> terms = TopicTerms.distinctive(
            withStart.withColumn("__class", struct(col("topic_id"), col("period_start"))),
            "__class", termsCol, nTerms, vocabulary)
        .select(col("__class.topic_id").as("topic_id"), col("__class.period_start").as("period_start"),
            transform(col("terms"), t -> t.getField("term")).as("top_terms"));
    return calendar.crossJoin(topics.select("topic_id", "label"))
        .join(counts, new String[] {"period_start", "topic_id"}, "left")
        .join(totals, new String[] {"period_start"}, "left")
        .join(terms, new String[] {"topic_id", "period_start"}, "left")
        .select(lit(period).as("period"), col("period_start"), col("topic_id"), col("label"),
            coalesce(col("articles"), lit(0L)).as("articles"),
            coalesce(col("period_articles"), lit(0L)).as("period_articles"),
            when(coalesce(col("period_articles"), lit(0L)).gt(0),
                coalesce(col("articles"), lit(0L)).divide(col("period_articles"))).otherwise(lit(0.0)).as("share"),
            coalesce(col("top_terms"), array().cast("array<string>")).as("top_terms"));
  }
}
