package org.frontline.lake;

import io.delta.tables.DeltaTable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/** The output lake: one directory (local, HDFS, S3...) holding one Delta table per name plus {@code runs/}. */
public final class Lake {
  private final SparkSession spark;
  private final Path root;

  public Lake(SparkSession spark, String root) {
    this.spark = spark;
    Path p = new Path(root);
    try {
      FileSystem fs = p.getFileSystem(hadoopConf());
      this.root = fs.makeQualified(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open lake " + root + ": " + e.getMessage(), e);
    }
  }

  private Configuration hadoopConf() {
    return spark.sparkContext().hadoopConfiguration();
  }

  public FileSystem fs() {
    try {
      return root.getFileSystem(hadoopConf());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String root() {
    return root.toString();
  }

  public String path(String table) {
    return new Path(root, table).toString();
  }

  /** Creates the lake directory and proves it can be written, or fails with a one-line reason. */
  public void ensureWritable() {
    Path probe = new Path(root, ".write-probe");
    try {
      FileSystem fs = fs();
      if (fs.exists(root) && !fs.getFileStatus(root).isDirectory()) {
        throw new LakeException("lake " + root + " is a file, not a directory");
      }
      fs.mkdirs(root);
      try (FSDataOutputStream out = fs.create(probe, true)) {
        out.write("ok".getBytes(StandardCharsets.UTF_8));
      }
      fs.delete(probe, false);
    } catch (IOException e) {
      throw new LakeException("lake " + root + " is not writable: " + e.getMessage());
    }
  }

  public boolean exists(String table) {
    return DeltaTable.isDeltaTable(spark, path(table));
  }

  public Dataset<Row> read(String table) {
    if (!exists(table)) {
      throw new LakeException("table '" + table + "' does not exist in lake " + root
          + " (run 'frontline ingest' or 'frontline run' first)");
    }
    Dataset<Row> rows = spark.read().format("delta").load(path(table));
    if (!Tables.DATA_TABLES.contains(table)) {
      return rows;
    }
    // a table written by an older Frontline lacks the columns added since: they read as null until its next
    // write adds them, so that every stage and export can name the current columns
    Set<String> stored = Set.of(rows.columns());
    for (StructField f : Tables.schemaOf(table).fields()) {
      if (!stored.contains(f.name())) {
        rows = rows.withColumn(f.name(), lit(null).cast(f.dataType()));
      }
    }
    return rows;
  }

  /**
   * Atomically replaces the rows matching {@code condition} with {@code rows} (one Delta commit): a re-run
   * over the same input replaces its earlier rows instead of doubling them. The condition is a Column, so
   * file names and ids reach Delta as escaped literals, never as spliced SQL text.
   */
  public void replace(String table, Dataset<Row> rows, Column condition) {
    replaceWhere(table, rows, condition.node().sql());
  }

  /** One Delta commit replacing the rows matching a SQL condition; creates the table if it does not exist. */
  private void replaceWhere(String table, Dataset<Row> rows, String condition) {
    if (!exists(table)) {
      overwrite(table, rows);
      return;
    }
    clustered(table, rows).write().format("delta").mode("overwrite")
        .option("replaceWhere", condition)
        .option("mergeSchema", String.valueOf(lacksColumns(table)))
        .save(path(table));
  }

  /**
   * Whether the stored table lacks columns of its current schema: a table written by an older Frontline. A
   * partial write (a night's days, an append) then adds them (Delta's {@code mergeSchema}; the older rows read
   * them as null until the stage's next full run rewrites the table).
   */
  private boolean lacksColumns(String table) {
    Set<String> stored = Set.of(spark.read().format("delta").load(path(table)).schema().fieldNames());
    return !stored.containsAll(Arrays.asList(Tables.schemaOf(table).fieldNames()));
  }

  /**
   * {@link #replace(String, Dataset, Column)} for a range of days: the rows with {@code dateColumn} from
   * {@code from} on (to {@code to} inclusive when not null). Dates reach Delta as DATE literals.
   */
  public void replaceDays(String table, Dataset<Row> rows, String dateColumn, LocalDate from,
                          LocalDate to) {
    if (!Tables.schemaOf(table).getFieldIndex(dateColumn).isDefined()) {
      throw new IllegalArgumentException("table " + table + " has no column " + dateColumn);
    }
    replaceWhere(table, rows, "`" + dateColumn + "` >= DATE'" + from + "'"
        + (to == null ? "" : " AND `" + dateColumn + "` <= DATE'" + to + "'"));
  }

  /**
   * Replaces the whole table with {@code rows} in one Delta commit (readers see the old or the new table).
   * The table takes the current schema, so a full stage run also migrates a table written by an older
   * Frontline.
   */
  public void overwrite(String table, Dataset<Row> rows) {
    try {
      overwriteOnce(table, rows);
    } catch (Exception e) {
      if (!(e instanceof SparkThrowable t) || !STATS_ON_PARTITION_COLUMN.equals(t.getCondition())) {
        throw e;
      }
      // a table written unpartitioned by an older Frontline lists its new partition column among those it
      // keeps statistics of, which Delta refuses for a partition column: the list is set to today's first
      spark.sql("ALTER TABLE delta.`" + path(table).replace("`", "``") + "` SET TBLPROPERTIES"
          + " ('delta.dataSkippingStatsColumns' = '" + Tables.statsColumns(table) + "')");
      overwriteOnce(table, rows);
    }
  }

  /** Delta's error when a table's statistics columns include a partition column. */
  private static final String STATS_ON_PARTITION_COLUMN = "DELTA_COLUMN_DATA_SKIPPING_NOT_SUPPORTED_PARTITIONED_COLUMN";

  private void overwriteOnce(String table, Dataset<Row> rows) {
    clustered(table, rows).write().format("delta").mode("overwrite").option("overwriteSchema", "true")
        .option("delta.dataSkippingStatsColumns", Tables.statsColumns(table))
        .partitionBy(Tables.partitionColumns(table).toArray(new String[0]))
        .save(path(table));
  }

  /** Appends rows (one Delta commit); creates the table if it does not exist. */
  public void append(String table, Dataset<Row> rows) {
    if (!exists(table)) {
      overwrite(table, rows);
      return;
    }
    clustered(table, rows).write().format("delta").mode("append")
        .option("mergeSchema", String.valueOf(lacksColumns(table)))
        .save(path(table));
  }

  /**
   * The table's columns of {@code rows}; for a partitioned table, each partition value gathered into one
   * task, so that a write adds one file per day, not one per day and task (a frame of 24 partitions over
   * 85 days may otherwise write 24 files for each day); for a table with a {@link Tables#rangeColumn}, the
   * rows ranged by it, so that each file holds consecutive values.
   */
  private Dataset<Row> clustered(String table, Dataset<Row> rows) {
    Dataset<Row> out = rows.select(columnsOf(table));
    List<String> parts = Tables.partitionColumns(table);
    if (!parts.isEmpty()) {
      return out.repartition(parts.stream().map(functions::col).toArray(Column[]::new));
    }
    String range = Tables.rangeColumn(table);
    return range == null ? out : out.repartitionByRange(col(range)).sortWithinPartitions(range);
  }

  /**
   * Deletes the rows whose key columns equal those of a row of {@code keys} (one Delta MERGE, a join: the
   * keys are never collected or spliced into SQL). When the table is partitioned by day and the keys carry
   * their day, the MERGE reads only the partitions of those days (up to {@link #MAX_PRUNED_DAYS} of them),
   * not the whole table.
   */
  public void deleteMatching(String table, Dataset<Row> keys, String... keyColumns) {
    deleteMatching(table, keys, null, keyColumns);
  }

  /**
   * {@link #deleteMatching(String, Dataset, String...)} among the target rows for which {@code within} holds (null:
   * all). {@code within} names the target's columns with the prefix {@code t.}; a condition on the partition
   * column (the days of the keys' articles) makes the MERGE read those partitions only. The caller vouches
   * that every row to delete satisfies it.
   */
  public void deleteMatching(String table, Dataset<Row> keys, Column within, String... keyColumns) {
    if (!exists(table)) {
      return;
    }
    Column on = within;
    for (String k : keyColumns) {
      Column eq = col("t." + k).equalTo(col("k." + k));
      on = on == null ? eq : on.and(eq);
    }
    Column days = daysOf(table, keys);
    if (days != null) {
      on = days.and(on);
    }
    DeltaTable.forPath(spark, path(table)).as("t")
        .merge(keys.select(keyColumns[0], Arrays.copyOfRange(keyColumns, 1, keyColumns.length))
            .distinct().as("k"), on)
        .whenMatched().delete()
        .execute();
  }

  /** Most distinct days whose partitions a {@link #deleteMatching} names; more, and it reads the whole table. */
  static final int MAX_PRUNED_DAYS = 400;

  /**
   * The target's days as literals ({@code t.published_date IN (...)}, or null): a condition on the target's
   * partition column alone, which Delta uses to choose the files a MERGE reads. Null when the table is not
   * partitioned by {@code published_date}, the keys do not carry it, or they span too many days.
   */
  private static Column daysOf(String table, Dataset<Row> keys) {
    String day = "published_date";
    if (!Tables.partitionColumns(table).equals(List.of(day)) || !Arrays.asList(keys.columns()).contains(day)) {
      return null;
    }
    List<Row> rows = keys.select(day).distinct().limit(MAX_PRUNED_DAYS + 1).collectAsList();
    List<Object> dates = new ArrayList<>();
    boolean undated = false;
    for (Row r : rows) {
      if (r.isNullAt(0)) {
        undated = true;
      } else {
        dates.add(r.getDate(0));
      }
    }
    return onDays("t." + day, dates, undated);
  }

  /**
   * {@code column} among {@code dates}, or null when {@code undated} (the form Delta prunes partitions by); null
   * when the dates are more than {@link #MAX_PRUNED_DAYS}: no restriction.
   */
  static Column onDays(String column, List<?> dates, boolean undated) {
    if (dates.size() > MAX_PRUNED_DAYS) {
      return null;
    }
    Column in = dates.isEmpty() ? functions.lit(false) : col(column).isin(dates.toArray());
    return undated ? in.or(col(column).isNull()) : in;
  }

  /**
   * Rewrites a reference column: where {@code column} equals a row's {@code old}, it becomes that row's
   * {@code new} (one Delta MERGE). Used when an article stops being a representative.
   */
  public void repoint(String table, String column, Dataset<Row> oldToNew) {
    if (!exists(table)) {
      return;
    }
    DeltaTable.forPath(spark, path(table)).as("t")
        .merge(oldToNew.as("m"), col("t." + column).equalTo(col("m.old")).and(col("t.doc_id").notEqual(col("m.new"))))
        .whenMatched().updateExpr(Map.of(column, "m.new"))
        .execute();
  }

  private static Column[] columnsOf(String table) {
    String[] names = Tables.schemaOf(table).fieldNames();
    Column[] cols = new Column[names.length];
    for (int i = 0; i < names.length; i++) {
      cols[i] = col(names[i]).cast(Tables.schemaOf(table).apply(i).dataType());
    }
    return cols;
  }

  /** Writes a small text file atomically (temporary name, then rename). */
  public void writeText(String relative, String content) {
    Path target = new Path(root, relative);
    Path tmp = new Path(target.getParent(), "." + target.getName() + ".tmp");
    try {
      FileSystem fs = fs();
      fs.mkdirs(target.getParent());
      try (FSDataOutputStream out = fs.create(tmp, true)) {
        out.write(content.getBytes(StandardCharsets.UTF_8));
      }
      fs.delete(target, false);
      if (!fs.rename(tmp, target)) {
        throw new IOException("rename failed: " + tmp + " -> " + target);
      }
    } catch (IOException e) {
      throw new LakeException("cannot write " + target + ": " + e.getMessage());
    }
  }

  /** A failure the user can act on; the CLI prints its message as one line. */
  public static final class LakeException extends RuntimeException {
    public LakeException(String message) {
      super(message);
    }
  }
}
