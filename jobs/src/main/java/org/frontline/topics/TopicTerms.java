package org.frontline.topics;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    Dataset<Row> sizes = assigned.groupBy(col(topicCol).as("__topic")).agg(count(lit(1)).as("size"));
    return ranked(counts, sizes, topicCol, n);
  }

  /**
   * As {@link #distinctive(Dataset, String, String, int, Dataset)}, from each document's term counts (the
   * model's CountVectorizer vector, index = position in its vocabulary) instead of its term array: the
   * counts are summed per topic inside each partition (topics × terms longs), so no row per token is ever
   * made. Same rows as {@code distinctive} over the document's vocabulary terms, restricted to
   * {@code vocabulary}'s (e.g. its single words).
   *
   * @param countsCol  a vector of term counts per document
   * @param vocabulary the terms that count, with their vector indices
   */
  public static Dataset<Row> distinctiveFromCounts(Dataset<Row> assigned, String topicCol, String countsCol,
                                                   Vocabulary vocabulary, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1 but was " + n);
    }
    DataType topicType = assigned.schema().apply(topicCol).dataType();
    int width = vocabulary.width();
    JavaRDD<Row> sums = assigned.select(col(topicCol), col(countsCol)).toJavaRDD()
        .mapPartitionsToPair(it -> {
          Map<Object, long[]> perTopic = new HashMap<>();
          while (it.hasNext()) {
            Row r = it.next();
            long[] sum = perTopic.computeIfAbsent(r.get(0), t -> new long[width + 1]);
            sum[width]++; // the documents
            Vector v = r.getAs(1);
            if (v != null) {
              SparseVector sv = v.toSparse();
              int[] idx = sv.indices();
              double[] val = sv.values();
              for (int i = 0; i < idx.length; i++) {
                if (idx[i] < width) {
                  sum[idx[i]] += Math.round(val[i]);
                }
              }
            }
          }
          List<Tuple2<Object, long[]>> out = new ArrayList<>();
          perTopic.forEach((t, c) -> out.add(new Tuple2<>(t, c)));
          return out.iterator();
        })
        .reduceByKey((a, b) -> {
          for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
          }
          return a;
        })
        .flatMap(tc -> {
          List<Row> out = new ArrayList<>();
          long[] c = tc._2();
          for (int i = 0; i <= width; i++) {
            if (c[i] > 0) {
              out.add(RowFactory.create(tc._1(), i, c[i]));
            }
          }
          return out.iterator();
        });
    Dataset<Row> all = assigned.sparkSession().createDataFrame(sums, new StructType()
        .add("__topic", topicType).add("__index", DataTypes.IntegerType).add("tf", DataTypes.LongType));
    Dataset<Row> sizes = all.filter(col("__index").equalTo(width)).select(col("__topic"), col("tf").as("size"));
    Dataset<Row> counts = all.join(broadcast(vocabulary.indexTable(assigned.sparkSession())
            .withColumnRenamed("index", "__index")), "__index")
        .select(col("__topic"), col("term"), col("tf"));
    return ranked(counts, sizes, topicCol, n);
  }

  /** One topic's documents and its best terms with their weights, best first. */
  public record Ranked(int topic, long size, List<String> terms, List<Double> weights) {}

  /**
   * As {@link #distinctiveFromCounts}, for a fit sample held in the driver: the same weights and order,
   * computed in arrays. Topics in index order; a topic with no document or no counted term is left out.
   *
   * @param topicOf    each document's topic index (0 .. topics-1)
   * @param vocabulary the terms that count
   */
  public static List<Ranked> distinctive(FitSample docs, int[] topicOf, int topics, Vocabulary vocabulary, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1 but was " + n);
    }
    long[][] tf = new long[topics][vocabulary.size()];
    long[] sizes = new long[topics];
    for (int d = 0; d < docs.size(); d++) {
      long[] c = tf[topicOf[d]];
      sizes[topicOf[d]]++;
      int[] idx = docs.countIndex(d);
      int[] val = docs.countValue(d);
      for (int e = 0; e < idx.length; e++) {
        int p = vocabulary.position(idx[e]);
        if (p >= 0) {
          c[p] += val[e];
        }
      }
    }
    long[] classTerms = new long[topics];
    long[] f = new long[vocabulary.size()];
    double classes = 0;
    double allTerms = 0;
    for (int t = 0; t < topics; t++) {
      for (int p = 0; p < f.length; p++) {
        classTerms[t] += tf[t][p];
        f[p] += tf[t][p];
      }
      if (classTerms[t] > 0) {
        classes++;
        allTerms += classTerms[t];
      }
    }
    double average = classes == 0 ? 0 : allTerms / classes;
    List<Ranked> out = new ArrayList<>();
    for (int t = 0; t < topics; t++) {
      if (classTerms[t] == 0 || sizes[t] == 0) {
        continue;
      }
      List<Integer> present = new ArrayList<>();
      double[] weight = new double[f.length];
      for (int p = 0; p < f.length; p++) {
        if (tf[t][p] > 0) {
          present.add(p);
          weight[p] = (double) tf[t][p] / classTerms[t] * StrictMath.log(1.0 + average / f[p]);
        }
      }
      present.sort((a, b) -> weight[a] != weight[b] ? Double.compare(weight[b], weight[a])
          : vocabulary.termAt(a).compareTo(vocabulary.termAt(b)));
      List<Integer> best = present.subList(0, Math.min(n, present.size()));
      out.add(new Ranked(t, sizes[t], best.stream().map(vocabulary::termAt).toList(),
          best.stream().map(p -> weight[p]).toList()));
    }
    return out;
  }

  /** c-TF-IDF of {@code counts} (__topic, term, tf), the best {@code n} per topic, joined to {@code sizes}. */
  private static Dataset<Row> ranked(Dataset<Row> counts, Dataset<Row> sizes, String topicCol, int n) {
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
    return terms.join(sizes, "__topic")
        .withColumn("label", concat_ws(" / ", slice(transform(col("terms"), t -> t.getField("term")), 1, 3)))
        .withColumnRenamed("__topic", topicCol)
        .select(col(topicCol), col("size"), col("terms"), col("label"));
  }
}
