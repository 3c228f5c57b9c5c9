package org.frontline.topics;

import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.frontline.common.ColumnTransformer;

import static org.apache.spark.sql.functions.*;

/**
 * A cosine k-means model fitted in the driver ({@link LocalKMeans}) as a pipeline stage: each document's
 * cluster is the centre most similar to its vector (cosine; a tie to the lower index), written as an int to
 * {@code predictionCol}, as Spark's {@code KMeansModel} writes its prediction. The centres (clusters ×
 * dimensions) are a parameter, saved with the stage.
 */
public final class NearestCentroid extends ColumnTransformer {
  private final Param<String> featuresCol;
  private final Param<String> predictionCol;
  private final Param<Matrix> centers;

  public NearestCentroid() {
    this(newUid("nearestCentroid"));
  }

  public NearestCentroid(String uid) {
    super(uid);
    featuresCol = param("featuresCol", "document vectors (vector)", "features");
    predictionCol = param("predictionCol", "the most similar centre's index (int)", "prediction");
    centers = new Param<>(this, "centers", "cluster centres, one row per cluster");
  }

  public Param<String> featuresCol() { return featuresCol; }
  public Param<String> predictionCol() { return predictionCol; }
  public Param<Matrix> centers() { return centers; }

  public String getFeaturesCol() { return $(featuresCol); }

  public NearestCentroid setFeaturesCol(String v) { set(featuresCol, v); return this; }
  public NearestCentroid setPredictionCol(String v) { set(predictionCol, v); return this; }
  public NearestCentroid setCenters(Matrix v) { set(centers, v); return this; }

  @Override
  public StructType transformSchema(StructType schema) {
    if (!isDefined(centers)) {
      throw new IllegalStateException("NearestCentroid needs its centers");
    }
    requireColumn(schema, $(featuresCol), SQLDataTypes.VectorType());
    return withField(schema, $(predictionCol), DataTypes.IntegerType);
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    double[][] unit = CentroidScorer.unitRows($(centers));
    UserDefinedFunction nearest = udf((UDF1<Vector, Integer>) x -> {
      if (x == null) {
        return null;
      }
      double[] sims = new double[unit.length];
      if (x instanceof SparseVector sv) {
        int[] idx = sv.indices();
        double[] val = sv.values();
        for (int c = 0; c < unit.length; c++) {
          for (int e = 0; e < idx.length; e++) {
            sims[c] += idx[e] < unit[c].length ? val[e] * unit[c][idx[e]] : 0;
          }
        }
      } else {
        double[] v = x.toArray();
        for (int c = 0; c < unit.length; c++) {
          for (int j = 0; j < v.length && j < unit[c].length; j++) {
            sims[c] += v[j] * unit[c][j];
          }
        }
      }
      int best = 0;
      for (int c = 1; c < sims.length; c++) {
        if (sims[c] > sims[best]) {
          best = c;
        }
      }
      return best;
    }, DataTypes.IntegerType);
    return dataset.withColumn($(predictionCol), nearest.apply(col($(featuresCol))));
  }

  public static MLReader<NearestCentroid> read() {
    return new DefaultParamsReader<>();
  }

  public static NearestCentroid load(String path) {
    return read().load(path);
  }
}
