package org.frontline.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.frontline.common.Progress;
import org.frontline.lake.Lake;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.apache.spark.sql.functions.*;

@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Write a lake table as JSON lines, CSV or Parquet: one file when --out ends in the format's"
        + " extension, else a directory of part files.")
final class ExportCommand implements Callable<Integer> {
  enum Format { jsonl, csv, parquet }

  @Option(names = "--lake", required = true, paramLabel = "DIR", description = "the lake directory")
  String lakeDir;

  @Option(names = "--table", required = true,
      description = "table name: articles, duplicates, quarantine, mentions, events, topics,"
          + " article_topics, topic_trends, strike_trends, spikes, band_keys")
  String table;

  @Option(names = "--format", required = true, description = "${COMPLETION-CANDIDATES}")
  Format format;

  @Option(names = "--out", required = true, paramLabel = "PATH", description = "output file or directory")
  String out;

  @Mixin
  SparkOptions sparkOptions;

  @Override
  public Integer call() throws IOException {
    Progress p = Progress.start("export", "starting Spark");
    SparkSession spark = sparkOptions.session("frontline-export");
    Lake lake = new Lake(spark, lakeDir);
    Dataset<Row> rows = lake.read(table);
    if (format == Format.csv) {
      rows = flattenForCsv(rows);
    }
    boolean singleFile = out.toLowerCase(Locale.ROOT).endsWith("." + format.name());
    Path target = new Path(out);
    FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
    Path dir = singleFile ? new Path(target.getParent() == null ? new Path(".") : target.getParent(),
        "." + target.getName() + ".parts") : target;
    var writer = (singleFile ? rows.coalesce(1) : rows).write().mode("overwrite");
    switch (format) {
      // every column on every row: a null is written as null, not left out (Spark's default drops the key)
      case jsonl: writer.option("ignoreNullFields", "false").json(dir.toString()); break;
      case csv: writer.option("header", "true").option("escape", "\"").csv(dir.toString()); break;
      default: writer.parquet(dir.toString());
    }
    if (singleFile) {
      FileStatus part = null;
      for (FileStatus st : fs.listStatus(dir)) {
        if (st.getPath().getName().startsWith("part-")) {
          part = st;
        }
      }
      fs.delete(target, false);
      if (part == null) {
        fs.create(target, true).close();
      } else if (!fs.rename(part.getPath(), target)) {
        throw new IOException("cannot move " + part.getPath() + " to " + target);
      }
      fs.delete(dir, true);
      if (format == Format.csv && fs.getFileStatus(target).getLen() == 0) {
        // a table without rows may leave no part file to move: the file still names its columns
        try (var o = fs.create(target, true)) {
          o.write((CSVFormat.DEFAULT.format((Object[]) rows.schema().fieldNames()) + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
        }
      }
    }
    long n = spark.read().format(format == Format.jsonl ? "json" : format.name())
        .option("header", "true").load(target.toString()).count();
    p.done("exported " + n + " rows of " + table + " to " + fs.makeQualified(target));
    return 0;
  }

  /**
   * CSV has no nested types: arrays, maps and structs become JSON text (null fields inside them kept as null),
   * and no bytes: binary values become Base64 text.
   * A null value is an empty field; an empty string is {@code ""}.
   */
  static Dataset<Row> flattenForCsv(Dataset<Row> rows) {
    StructType schema = rows.schema();
    Column[] cols = new Column[schema.fields().length];
    for (int i = 0; i < cols.length; i++) {
      StructField f = schema.fields()[i];
      boolean nested = f.dataType() instanceof ArrayType || f.dataType() instanceof MapType
          || f.dataType() instanceof StructType;
      cols[i] = nested ? to_json(col(f.name()), Map.of("ignoreNullFields", "false")).as(f.name())
          : f.dataType() instanceof BinaryType ? base64(col(f.name())).as(f.name()) : col(f.name());
    }
    return rows.select(cols);
  }
}
