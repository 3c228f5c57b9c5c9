package org.frontline.topics;

import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.frontline.common.ColumnTransformer;

import static org.apache.spark.ml.functions.vector_to_array;
import static org.apache.spark.sql.functions.*;

/**
 * A topic model's per-document topic distribution (LDA's {@code topicDistribution}) as one topic: the most
 * probable topic becomes {@code topic_index} (the first on a tie) and its probability {@code topic_score}.
 * Built-in array expressions only.
 */
public final class DistributionScorer extends ColumnTransformer {
  private final Param<String> distributionCol;

  public DistributionScorer() {
    this(newUid("distributionScorer"));
  }

  public DistributionScorer(String uid) {
    super(uid);
    distributionCol = param("distributionCol", "topic probabilities per document (vector)", "topicDistribution");
  }

  public Param<String> distributionCol() { return distributionCol; }

  public DistributionScorer setDistributionCol(String v) { set(distributionCol, v); return this; }

  @Override
  public StructType transformSchema(StructType schema) {
    requireColumn(schema, $(distributionCol), SQLDataTypes.VectorType());
    return withField(withField(schema, "topic_index", DataTypes.IntegerType), "topic_score", DataTypes.DoubleType);
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    Column p = vector_to_array(col($(distributionCol)), "float64");
    Column best = array_max(p);
    return dataset.withColumn("topic_score", best)
        .withColumn("topic_index", array_position(p, best).minus(1).cast("int"));
  }

  public static MLReader<DistributionScorer> read() {
    return new DefaultParamsReader<>();
  }

  public static DistributionScorer load(String path) {
    return read().load(path);
  }
}
