package org.frontline.topics;

import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.clustering.BisectingKMeansModel;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.clustering.LDAModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

import java.util.List;

import static org.apache.spark.sql.functions.*;

/**
 * Applies a topic pipeline so that a document without a single vocabulary term gets no topic
 * ({@code topic_index} and {@code topic_score} null) instead of failing the run: cosine k-means is not
 * defined for an all-zero vector, and LDA would give such a document an arbitrary topic. Short items whose
 * words all fall outside the fitted vocabulary (a headline of rare names) are such documents.
 *
 * <p>One pass: before the clustering stage, an empty vector is swapped for a placeholder (a unit vector) and
 * the document is flagged; after it, the flagged documents' topic is nulled.
 */
public final class TopicAssignment {
  private TopicAssignment() {}

  /** The flag column while the pipeline runs; dropped from the result. */
  static final String HAS_TERMS = "__has_terms";

  private static final UserDefinedFunction NON_EMPTY = udf(
      (UDF1<Vector, Boolean>) v -> v != null && v.numNonzeros() > 0, DataTypes.BooleanType);

  private static final UserDefinedFunction OR_PLACEHOLDER = udf(
      (UDF1<Vector, Vector>) v -> v == null || v.size() == 0 || v.numNonzeros() > 0 ? v
          : Vectors.sparse(v.size(), new int[] {0}, new double[] {1.0}), SQLDataTypes.VectorType());

  /** True where the vector has a non-zero entry (a document with at least one vocabulary term). */
  public static Column nonEmpty(Column vector) {
    return NON_EMPTY.apply(vector);
  }

  /** The index of the clustering stage in a topic pipeline's stages (its first k-means, nearest-centroid or LDA). */
  static int clusteringStage(List<Transformer> stages) {
    for (int i = 0; i < stages.size(); i++) {
      if (inputOf(stages.get(i)) != null) {
        return i;
      }
    }
    throw new IllegalStateException("the topic pipeline has no clustering stage (k-means or LDA)");
  }

  private static String inputOf(Transformer t) {
    if (t instanceof KMeansModel m) {
      return m.getFeaturesCol();
    }
    if (t instanceof NearestCentroid m) {
      return m.getFeaturesCol();
    }
    if (t instanceof BisectingKMeansModel m) {
      return m.getFeaturesCol();
    }
    if (t instanceof LDAModel m) {
      return m.getFeaturesCol();
    }
    return null;
  }

  /**
   * Runs {@code stages} over {@code docs}; the result has the pipeline's columns, with {@code topic_index}
   * and {@code topic_score} null for documents whose clustering input vector is empty.
   */
  public static Dataset<Row> assign(List<Transformer> stages, Dataset<Row> docs) {
    int c = clusteringStage(stages);
    Dataset<Row> y = docs;
    for (Transformer t : stages.subList(0, c)) {
      y = t.transform(y);
    }
    String in = inputOf(stages.get(c));
    y = y.withColumn(HAS_TERMS, nonEmpty(col(in))).withColumn(in, OR_PLACEHOLDER.apply(col(in)));
    for (Transformer t : stages.subList(c, stages.size())) {
      y = t.transform(y);
    }
    return y.withColumn("topic_index", when(col(HAS_TERMS), col("topic_index")))
        .withColumn("topic_score", when(col(HAS_TERMS), col("topic_score")))
        .drop(HAS_TERMS);
  }
}
