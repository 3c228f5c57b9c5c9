package org.frontline.topics;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.*;

/**
 * Topics over time: articles per topic per day and per ISO week (weeks start on Monday), with every period
 * between the first and the last dated article present for every topic (a day without a topic's articles is
 * a 0, not a missing row), the topic's share of the period's dated articles, and the terms that weigh most
 * in the topic's articles of that period. A term's weight is its share of the topic-period's terms times its
 * inverse document frequency in the model's fit (the model's background, fixed when it is fitted): a period's
 * rows depend on that period's articles and the model only, so recomputing the periods a night touched gives
 * exactly the rows of a full recompute. Articles without a publication date are left out of the trends (they
 * still have a topic).
 */
public final class TopicTrends {
  private TopicTrends() {}

  public static final String DAY = "day";
  public static final String WEEK = "week";

  /**
   * Every period between the first and the last dated article.
   *
   * @param assigned   one row per article: {@code doc_id, published_date, topic_id} and {@code termsCol}
   * @param topics     {@code topic_id, label} of every topic to report
   * @param termsCol   the article's vocabulary terms
   * @param nTerms     terms per topic and period
   * @param background the model's {@code term, idf} (see {@link TopicModelStore.Saved#background})
   */
  public static Dataset<Row> compute(Dataset<Row> assigned, Dataset<Row> topics, String termsCol, int nTerms,
                                     Dataset<Row> background) {
    Dataset<Row> dated = assigned.filter(col("published_date").isNotNull());
    return periods(dated, topics, termsCol, nTerms, background, DAY, calendar(dated, DAY), false)
        .unionByName(periods(dated, topics, termsCol, nTerms, background, WEEK, calendar(dated, WEEK), false));
  }

  /**
   * The rows of the given periods only: {@code days} and {@code weeks} (Mondays) list them, and
   * {@code assigned} must hold every dated article of those periods (more is ignored).
   */
  public static Dataset<Row> compute(Dataset<Row> assigned, Dataset<Row> topics, String termsCol, int nTerms,
                                     Dataset<Row> background, List<LocalDate> days, List<LocalDate> weeks) {
    Dataset<Row> dated = assigned.filter(col("published_date").isNotNull());
    SparkSession spark = assigned.sparkSession();
    return periods(dated, topics, termsCol, nTerms, background, DAY, starts(spark, days), true)
        .unionByName(periods(dated, topics, termsCol, nTerms, background, WEEK, starts(spark, weeks), true));
  }

  /** The Monday of a day's ISO week. */
  public static LocalDate weekOf(LocalDate day) {
    return day.with(DayOfWeek.MONDAY);
  }

  private static Column start(String period) {
    return DAY.equals(period) ? col("published_date") : to_date(date_trunc("week", col("published_date")));
  }

  /** Every period start between the first and the last article's. */
  private static Dataset<Row> calendar(Dataset<Row> dated, String period) {
    Column step = DAY.equals(period) ? expr("INTERVAL 1 DAY") : expr("INTERVAL 7 DAYS");
    return dated.withColumn("period_start", start(period))
        .agg(min("period_start").as("lo"), max("period_start").as("hi"))
        .filter(col("lo").isNotNull())
        .select(explode(sequence(col("lo"), col("hi"), step)).as("period_start"));
  }

  private static Dataset<Row> starts(SparkSession spark, List<LocalDate> dates) {
    List<Row> rows = new ArrayList<>();
    for (LocalDate d : dates) {
      rows.add(RowFactory.create(Date.valueOf(d)));
    }
    return spark.createDataFrame(rows, new StructType().add("period_start", DataTypes.DateType, false));
  }

  private static Dataset<Row> periods(Dataset<Row> dated, Dataset<Row> topics, String termsCol, int nTerms,
                                      Dataset<Row> background, String period, Dataset<Row> calendar,
                                      boolean onlyCalendar) {
    // a calendar derived from the articles holds every article's period: no join needed
    Dataset<Row> withStart = dated.withColumn("period_start", start(period));
    if (onlyCalendar) {
      withStart = withStart.join(broadcast(calendar), "period_start");
    }
    Dataset<Row> counts = withStart.groupBy("period_start", "topic_id").agg(count(lit(1)).as("articles"));
    Dataset<Row> totals = withStart.groupBy("period_start").agg(count(lit(1)).as("period_articles"));
    Dataset<Row> terms = leadingTerms(withStart, termsCol, nTerms, background);
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

  /**
   * Per topic and period, the {@code n} terms of highest weight: the term's count in the class divided by
   * the class's term count, times the term's idf in the model (ties: alphabetical).
   */
  private static Dataset<Row> leadingTerms(Dataset<Row> withStart, String termsCol, int n, Dataset<Row> background) {
    Dataset<Row> counts = withStart.select(col("topic_id"), col("period_start"), explode(col(termsCol)).as("term"))
        .join(broadcast(background.select("term", "idf")), "term")
        .groupBy("topic_id", "period_start", "term", "idf").agg(count(lit(1)).as("tf"));
    Dataset<Row> classTerms = counts.groupBy("topic_id", "period_start").agg(sum("tf").as("class_terms"));
    return counts.join(classTerms, new String[] {"topic_id", "period_start"})
        .withColumn("weight", col("tf").divide(col("class_terms")).multiply(col("idf")))
        .withColumn("rank", row_number().over(Window.partitionBy("topic_id", "period_start")
            .orderBy(col("weight").desc(), col("term"))))
        .filter(col("rank").leq(n))
        .groupBy("topic_id", "period_start")
        .agg(transform(sort_array(collect_list(struct(col("rank"), col("term")))), s -> s.getField("term"))
            .as("top_terms"));
  }
}
