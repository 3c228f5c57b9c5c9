package org.frontline.ingest;

import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.MLReader;
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
 *
 * <p>The two windows sort only the row key, the id, the hash and the order columns; the marks (rows with a
 * {@code dup_kind} or a conflict) are joined back by the row key, broadcast when they are at most
 * {@link #MAX_BROADCAST_MARKS}. The records' other columns (the text) are neither shuffled nor sorted.
 */
public final class ExactDuplicateMarker extends ColumnTransformer {
  private final Param<String> idCol;
  private final Param<String> hashCol;
  private final Param<String> rowIdCol;

  /**
   * Marks (about one record in twelve in a news batch) are broadcast to the records up to this many rows
   * (about 60 bytes each); beyond it they are joined by a shuffle.
   */
  public static final long MAX_BROADCAST_MARKS = 500_000;

  public ExactDuplicateMarker() {
    this(newUid("exactDuplicateMarker"));
  }

  public ExactDuplicateMarker(String uid) {
    super(uid);
    idCol = param("idCol", "document id", "doc_id");
    hashCol = param("hashCol", "hash of the normalised content", "content_hash");
    rowIdCol = param("rowIdCol", "a unique, non-null long key of each row (the marks are joined back by it)",
        "row_id");
  }

  public Param<String> idCol() { return idCol; }
  public Param<String> hashCol() { return hashCol; }
  public Param<String> rowIdCol() { return rowIdCol; }

  public ExactDuplicateMarker setIdCol(String v) { set(idCol, v); return this; }
  public ExactDuplicateMarker setHashCol(String v) { set(hashCol, v); return this; }
  public ExactDuplicateMarker setRowIdCol(String v) { set(rowIdCol, v); return this; }

  /**
   * Which of two records is the representative: articles already in the lake first, then the earliest
   * publication (unknown dates last), then the smallest id, file and position. Deterministic.
   */
  public static Column[] orderKey() {
    return new Column[] {col("priority").asc(), col("published_at").asc_nulls_last(), col("doc_id").asc(),
        col("source_file").asc(), col("position").asc_nulls_last()};
  }

  public static MLReader<ExactDuplicateMarker> read() {
    return new DefaultParamsReader<>();
  }

  public static ExactDuplicateMarker load(String path) {
    return read().load(path);
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    Dataset<Row> all = dataset.toDF();
    String key = $(rowIdCol);
    Dataset<Row> narrow = all.select(col(key), col($(idCol)), col($(hashCol)), col("priority"), col("published_at"),
        col("source_file"), col("position"));
    WindowSpec byId = Window.partitionBy(col($(idCol))).orderBy(orderKey());
    WindowSpec byHash = Window.partitionBy(col($(hashCol))).orderBy(orderKey());
    Column idRep = first(col($(hashCol))).over(byId);
    Column firstOfId = row_number().over(byId).equalTo(1);
    Dataset<Row> byIdMarked = narrow
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
    Dataset<Row> marks = materialize(unique.unionByName(byIdMarked.where(not(col("__first_of_id"))))
        .where(col("dup_kind").isNotNull().or(col("conflict")))
        .select(col(key).as("__key"), col("dup_kind").as("__kind"), col("duplicate_of").as("__of"),
            col("conflict").as("__conflict")));
    long n = marks.count();
    return all.join(n <= MAX_BROADCAST_MARKS ? broadcast(marks) : marks, col(key).equalTo(col("__key")), "left")
        .withColumn("dup_kind", col("__kind"))
        .withColumn("duplicate_of", col("__of"))
        .withColumn("conflict", coalesce(col("__conflict"), lit(false)))
        .drop("__key", "__kind", "__of", "__conflict");
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
    requireColumn(schema, $(rowIdCol), DataTypes.LongType);
    requireOrderColumns(schema);
    StructType out = withField(schema, "dup_kind", DataTypes.StringType);
    out = withField(out, "duplicate_of", DataTypes.StringType);
    return withField(out, "conflict", DataTypes.BooleanType);
  }
}
