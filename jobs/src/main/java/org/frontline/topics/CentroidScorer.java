package org.frontline.topics;

import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.frontline.common.ColumnTransformer;

import static org.apache.spark.sql.functions.*;

/**
 * A clustering's assignment as a topic: the cluster index becomes {@code topic_index} and the cosine
 * similarity between the document's vector and its cluster's centre becomes {@code topic_score} (1: the
 * document is the topic's centre; near 0: it barely belongs). The centres (clusters × dimensions) are a
 * parameter, saved with the stage.
 */
public final class CentroidScorer extends ColumnTransformer {
  private final Param<String> featuresCol;
  private final Param<String> predictionCol;
  private final Param<Matrix> centers;

  public CentroidScorer() {
    this(newUid("centroidScorer"));
  }

  public CentroidScorer(String uid) {
    super(uid);
    featuresCol = param("featuresCol", "document vectors the clustering used (vector)", "features");
    predictionCol = param("predictionCol", "cluster index (int, or a whole double)", "prediction");
    centers = new Param<>(this, "centers", "cluster centres, one row per cluster");
  }

  public Param<String> featuresCol() { return featuresCol; }
  public Param<String> predictionCol() { return predictionCol; }
  public Param<Matrix> centers() { return centers; }

  public CentroidScorer setFeaturesCol(String v) { set(featuresCol, v); return this; }
  public CentroidScorer setPredictionCol(String v) { set(predictionCol, v); return this; }
  public CentroidScorer setCenters(Matrix v) { set(centers, v); return this; }

  @Override
  public StructType transformSchema(StructType schema) {
    if (!isDefined(centers)) {
      throw new IllegalStateException("CentroidScorer needs its centers");
    }
    requireColumn(schema, $(featuresCol), SQLDataTypes.VectorType());
    // KMeansModel.transformSchema declares its prediction a double, its transform writes an int
    requireColumn(schema, $(predictionCol), DataTypes.IntegerType, DataTypes.DoubleType);
    return withField(withField(schema, "topic_index", DataTypes.IntegerType), "topic_score", DataTypes.DoubleType);
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    double[][] unit = unitRows($(centers));
    UserDefinedFunction cosine = udf((UDF2<Vector, Integer, Double>) (x, p) -> {
      if (x == null || p == null || p < 0 || p >= unit.length) {
        return null;
      }
      double[] c = unit[p];
      double[] dot = {0, 0};
      x.foreachActive((i, v) -> {
        int idx = (Integer) i;
        if (idx < c.length) {
          dot[0] += (Double) v * c[idx];
        }
        dot[1] += (Double) v * (Double) v;
        return null;
      });
      return dot[1] == 0 ? 0.0 : dot[0] / Math.sqrt(dot[1]);
    }, DataTypes.DoubleType);
    Column index = col($(predictionCol)).cast("int");
    return dataset.withColumn("topic_index", index)
        .withColumn("topic_score", cosine.apply(col($(featuresCol)), index));
  }

  /** The rows of {@code m}, each scaled to length 1 (a zero row stays zero). */
  static double[][] unitRows(Matrix m) {
    int k = m.numRows();
    double[][] unit = new double[k][];
    for (int i = 0; i < k; i++) {
      double[] c = new double[m.numCols()];
      double norm = 0;
      for (int j = 0; j < c.length; j++) {
        c[j] = m.apply(i, j);
        norm += c[j] * c[j];
      }
      norm = Math.sqrt(norm);
      for (int j = 0; j < c.length && norm > 0; j++) {
        c[j] /= norm;
      }
      unit[i] = c;
    }
    return unit;
  }

  public static MLReader<CentroidScorer> read() {
    return new DefaultParamsReader<>();
  }

  public static CentroidScorer load(String path) {
    return read().load(path);
  }
}
