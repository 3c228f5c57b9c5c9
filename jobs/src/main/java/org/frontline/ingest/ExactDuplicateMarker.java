package org.frontline.ingest;

import org.apache.spark.ml.param.Param;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.frontline.common.ColumnTransformer;

import static org.apache.spark.sql.functions.*;

/**
 * Marks records that repeat an id or a text. Within each {@code doc_id} the first record in
 * {@link #orderKey() order} is the representative: a later one with the same content hash is a
 * {@code same_id} duplicate, one with a different text an {@code ID_CONFLICT} (quarantined). Among the
 * remaining records, those with the same content hash as an earlier one are {@code exact} duplicates of it.
 * Output: {@code dup_kind} (null, same_id, exact), {@code duplicate_of}, {@code conflict} (boolean).
 */
public final class ExactDuplicateMarker extends ColumnTransformer {
  private final Param<String> idCol;
  private final Param<String> hashCol;

  public ExactDuplicateMarker() {
    this(newUid("exactDuplicateMarker"));
  }

  public ExactDuplicateMarker(String uid) {
    super(uid);
    idCol = param("idCol", "document id", "doc_id");
    hashCol = param("hashCol", "hash of the normalised content", "content_hash");
  }

  public Param<String> idCol() { return idCol; }
  public Param<String> hashCol() { return hashCol; }

  /**
   * Which of two records is the representative: articles already in the lake first, then the earliest
   * publication (unknown dates last), then the smallest id, file and position. Deterministic.
   */
  public static Column[] orderKey() {
    return new Column[] {col("priority").asc(), col("published_at").asc_nulls_last(), col("doc_id").asc(),
        col("source_file").asc(), col("position").asc_nulls_last()};
  }

  public static org.apache.spark.ml.util.MLReader<ExactDuplicateMarker> read() {
    return new org.apache.spark.ml.util.DefaultParamsReader<>();
  }

  public static ExactDuplicateMarker load(String path) {
    return read().load(path);
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    WindowSpec byId = Window.partitionBy(col($(idCol))).orderBy(orderKey());
    WindowSpec byHash = Window.partitionBy(col($(hashCol))).orderBy(orderKey());
    Column idRep = first(col($(hashCol))).over(byId);
    Column firstOfId = row_number().over(byId).equalTo(1);
    Dataset<Row> byIdMarked = dataset.toDF()
        .withColumn("__first_of_id", firstOfId)
        .withColumn("conflict", not(col("__first_of_id")).and(idRep.notEqual(col($(hashCol)))))
        .withColumn("dup_kind", when(not(col("__first_of_id")).and(not(col("conflict"))), lit("same_id")))
        .withColumn("duplicate_of", when(col("dup_kind").isNotNull(), col($(idCol))));
    // exact copies among the first record of each id
    Column rep = first(col($(idCol))).over(byHash.rowsBetween(Window.unboundedPreceding(), Window.currentRow()));
    Dataset<Row> unique = byIdMarked.where(col("__first_of_id"))
        .withColumn("__rep", rep)
        .withColumn("dup_kind", when(col("__rep").notEqual(col($(idCol))), lit("exact")))
        .withColumn("duplicate_of", when(col("dup_kind").isNotNull(), col("__rep")))
        .drop("__rep");
    return unique.unionByName(byIdMarked.where(not(col("__first_of_id")))).drop("__first_of_id");
  }

  /** The columns {@link #orderKey()} reads, with their types. */
  static void requireOrderColumns(StructType schema) {
    requireColumn(schema, "priority", DataTypes.IntegerType);
    requireColumn(schema, "published_at", DataTypes.TimestampType);
    requireColumn(schema, "source_file", DataTypes.StringType);
    requireColumn(schema, "position", DataTypes.LongType);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    requireColumn(schema, $(idCol), DataTypes.StringType);
    requireColumn(schema, $(hashCol), DataTypes.StringType);
    requireOrderColumns(schema);
    StructType out = withField(schema, "dup_kind", DataTypes.StringType);
    out = withField(out, "duplicate_of", DataTypes.StringType);
    return withField(out, "conflict", DataTypes.BooleanType);
  }
}
