package org.frontline.common;

import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.Function1;

import java.util.Arrays;

/**
 * Base of Frontline's Spark ML transformers: a uid, parameters declared once in the subclass constructor,
 * schema checks with messages that name the column and the type found, and default-params persistence
 * (every subclass has a public {@code (String uid)} constructor, so {@code DefaultParamsReader} can load it).
 */
public abstract class ColumnTransformer extends Transformer implements DefaultParamsWritable {
  private final String uid;

  protected ColumnTransformer(String uid) {
    this.uid = uid;
  }

  protected static String newUid(String prefix) {
    return Identifiable$.MODULE$.randomUID(prefix);
  }

  @Override
  public String uid() {
    return uid;
  }

  @Override
  public Transformer copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  protected <T> Param<T> param(String name, String doc, T defaultValue) {
    Param<T> p = new Param<>(this, name, doc);
    setDefault(p, defaultValue);
    return p;
  }

  /** {@code functions.transform} (higher-order map over an array), named apart from {@code Transformer.transform}. */
  protected static Column mapArray(Column array,
      Function1<Column, Column> f) {
    return functions.transform(array, f);
  }

  private static final UserDefinedFunction STRING_BARRIER =
      functions.udf((UDF1<String, String>) s -> s,
          DataTypes.StringType).asNondeterministic();

  /**
   * Computes an expensive string expression once: the optimizer may otherwise inline a column's whole
   * expression into every later expression that reads it (the ingest plan grew to a hundred regex
   * evaluations per row and past the code generator's method size). An identity the optimizer cannot see
   * through.
   */
  public static Column once(Column expensive) {
    return STRING_BARRIER.apply(expensive);
  }

  /**
   * Materialises a frame and cuts its lineage, so that later actions plan against a leaf instead of
   * re-analysing the whole expression tree that built it (seconds per action for the ingest plan).
   * <p>In local mode, and on a cluster without a checkpoint directory, the rows go to the executors' local
   * disks, serialized, not to their heaps (in local mode the executor is the driver, and a heap holding every
   * materialised frame grows with the corpus). Such a local checkpoint is lost with its executor, and a job
   * that needs it then fails. On a cluster with {@code spark.checkpoint.dir} set ({@link Sessions}), the rows
   * are written there instead, and a job survives the loss of an executor (docs/RELIABILITY.md).
   */
  public static Dataset<Row> materialize(
      Dataset<Row> df) {
    return Sessions.reliableCheckpoints(df.sparkSession()) ? df.checkpoint(true)
        : df.localCheckpoint(true, StorageLevel.DISK_ONLY());
  }

  /** Tasks per core for CPU-heavy row work: more than one, so that a slow task does not leave a core idle. */
  public static final int SPREAD = 4;

  /**
   * Spreads a frame by a key over {@link #SPREAD} tasks per core, before per-row work that costs far more than
   * the shuffle (regular expressions, hashing): a frame read from a few files, or a shuffle that adaptive
   * execution coalesced to its 64 MB target, is otherwise two or three tasks, and the slowest sets the pace.
   */
  public static Dataset<Row> spread(
      Dataset<Row> df, Column key) {
    return df.repartition(SPREAD * df.sparkSession().sparkContext().defaultParallelism(), key);
  }

  /** Throws an {@link IllegalArgumentException} naming the column unless it exists with one of the types. */
  public static void requireColumn(StructType schema, String column, DataType... allowed) {
    if (!Arrays.asList(schema.fieldNames()).contains(column)) {
      throw new IllegalArgumentException(
          "Input column '" + column + "' not found; columns are " + Arrays.toString(schema.fieldNames()));
    }
    DataType found = schema.apply(column).dataType();
    for (DataType t : allowed) {
      if (t.sameType(found)) {
        return;
      }
    }
    StringBuilder expected = new StringBuilder();
    for (DataType t : allowed) {
      expected.append(expected.length() == 0 ? "" : " or ").append(t.simpleString());
    }
    throw new IllegalArgumentException("Column '" + column + "' must be of type " + expected
        + " but was " + found.simpleString());
  }

  /**
   * Adds a nullable output field. A column of that name already in the input is an error that names it:
   * a transformer would otherwise replace a caller's column without a word. Where replacing is what the
   * transformer is for (cleaning a column in place, updating a mark), it says so with {@link #replaceField}.
   */
  public static StructType withField(StructType schema, String column, DataType type) {
    if (Arrays.asList(schema.fieldNames()).contains(column)) {
      throw new IllegalArgumentException("Output column '" + column + "' already exists (as "
          + schema.apply(column).dataType().simpleString() + "); choose another output column");
    }
    return schema.add(column, type, true);
  }

  /** Replaces the type of an existing field, or adds it (nullable) when the input lacks it. */
  public static StructType replaceField(StructType schema, String column, DataType type) {
    if (Arrays.asList(schema.fieldNames()).contains(column)) {
      StructField[] fields = schema.fields().clone();
      for (int i = 0; i < fields.length; i++) {
        if (fields[i].name().equals(column)) {
          fields[i] = new StructField(column, type, true, fields[i].metadata());
        }
      }
      return new StructType(fields);
    }
    return schema.add(column, type, true);
  }
}
