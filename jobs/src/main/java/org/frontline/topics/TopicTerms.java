package org.frontline.topics;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

import static org.apache.spark.sql.functions.*;

/**
 * The distinctive terms of each topic by class-based TF-IDF (c-TF-IDF, as in BERTopic): all documents of a
 * topic are one class; a term's weight is its frequency in the class (divided by the class's term count)
 * times {@code log(1 + A / f)}, where {@code A} is the average number of terms per class and {@code f} the
 * term's frequency over all classes. A term frequent everywhere ("ukraine", "russia") weighs little; a term
 * frequent in one topic only weighs much. Built-in aggregations and one window, no row loops.
 */
public final class TopicTerms {
  private TopicTerms() {}

  /**
   * @param assigned  one row per document with its topic and its terms
   * @param topicCol  the topic column (any type)
   * @param termsCol  the terms column (array of strings)
   * @param n         how many terms per topic
   * @return one row per topic: {@code topicCol}, {@code size} (documents), {@code terms} (array of
   *         struct {@code term, weight}, best first) and {@code label} (the best three terms)
   */
  public static Dataset<Row> distinctive(Dataset<Row> assigned, String topicCol, String termsCol, int n) {
    return distinctive(assigned, topicCol, termsCol, n, null);
  }

  /**
   * As {@link #distinctive(Dataset, String, String, int)}, counting only the terms of {@code vocabulary}
   * (one string column {@code term}; broadcast), e.g. the model's own vocabulary so that a name seen in one
   * article never labels a topic. Null: every term counts.
   */
  public static Dataset<Row> distinctive(Dataset<Row> assigned, String topicCol, String termsCol, int n,
                                         Dataset<Row> vocabulary) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1 but was " + n);
    }
    Dataset<Row> exploded = assigned.select(col(topicCol).as("__topic"), explode(col(termsCol)).as("term"));
    if (vocabulary != null) {
      exploded = exploded.join(broadcast(vocabulary.select("term")), "term");
    }
    Dataset<Row> counts = exploded.groupBy("__topic", "term").agg(count(lit(1)).as("tf"));
    Dataset<Row> classTotals = counts.groupBy("__topic").agg(sum("tf").as("class_terms"));
    Dataset<Row> termTotals = counts.groupBy("term").agg(sum("tf").as("f"));
    // A joins as a one-row column: the whole computation stays one plan, with no separate action
    Dataset<Row> average = classTotals.agg(avg("class_terms").as("__avg_terms"));
    Column weight = col("tf").divide(col("class_terms"))
        .multiply(log(lit(1.0).plus(col("__avg_terms").divide(col("f")))));
    Dataset<Row> ranked = counts.join(classTotals, "__topic").join(termTotals, "term")
        .crossJoin(broadcast(average))
        .withColumn("weight", weight)
        .withColumn("rank", row_number().over(Window.partitionBy("__topic")
            .orderBy(col("weight").desc(), col("term"))))
        .filter(col("rank").leq(n));
    Dataset<Row> terms = ranked.groupBy("__topic").agg(
        transform(sort_array(collect_list(struct(col("rank"), col("term"), col("weight")))),
            s -> struct(s.getField("term").as("term"), s.getField("weight").as("weight"))).as("terms"));
    Dataset<Row> sizes = assigned.groupBy(col(topicCol).as("__topic")).agg(count(lit(1)).as("size"));
    return terms.join(sizes, "__topic")
        .withColumn("label", concat_ws(" / ", slice(transform(col("terms"), t -> t.getField("term")), 1, 3)))
        .withColumnRenamed("__topic", topicCol)
        .select(col(topicCol), col("size"), col("terms"), col("label"));
  }
}
