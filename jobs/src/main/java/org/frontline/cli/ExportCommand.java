package org.frontline.cli;

import io.delta.tables.DeltaTable;
import org.apache.commons.csv.CSVFormat;
import org.apache.hadoop.fs.ChecksumFileSystem;
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
import org.frontline.export.AcledFormat;
import org.frontline.export.GeoJsonFile;
import org.frontline.export.GeoParquetFile;
import org.frontline.lake.Lake;
import org.frontline.lake.Tables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.apache.spark.sql.functions.*;

@Command(name = "export", mixinStandardHelpOptions = true,
    description = {
      "Write a lake table as JSON lines, CSV or Parquet: one file when --out ends in the format's"
          + " extension, else a directory of part files.",
      "The events table also as ACLED-style CSV (--format acled), GeoJSON points (geojson) or GeoParquet"
          + " (geoparquet), each one file; see docs/EXPORTS.md."})
final class ExportCommand implements Callable<Integer> {
  enum Format {
    jsonl, csv, parquet, acled, geojson, geoparquet;

    /** A format only the events table has: one file in another tool's terms. */
    boolean ofEvents() {
      return this == acled || this == geojson || this == geoparquet;
    }
  }

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

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (format.ofEvents() && !Tables.EVENTS.equals(table)) {
      throw new ParameterException(spec.commandLine(), "--format " + format + " writes the events table;"
          + " use --table events (got '" + table + "')");
    }
    Progress p = Progress.start("export", "starting Spark");
    SparkSession spark = sparkOptions.session("frontline-export");
    Lake lake = new Lake(spark, lakeDir);
    Dataset<Row> rows = lake.read(table);
    Path target = new Path(out);
    FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
    if (format == Format.geojson || format == Format.geoparquet) {
      long n = format == Format.geojson ? GeoJsonFile.write(rows, fs, target)
          : GeoParquetFile.write(rows, spark.sparkContext().hadoopConfiguration(), target);
      dropChecksum(fs, target);
      p.done("exported " + n + " events as " + format + " to " + fs.makeQualified(target));
      return 0;
    }
    String written = format.name();
    if (format == Format.acled) {
      Dataset<Row> sources = lake.exists(Tables.ARTICLES) ? lake.read(Tables.ARTICLES).select("doc_id", "source")
          : spark.emptyDataFrame().select(lit(null).cast("string").as("doc_id"), lit(null).cast("string").as("source"));
      // ACLED's timestamp: when the row last changed; here, the time of the events table's version
      long version = DeltaTable.forPath(spark, lake.path(Tables.EVENTS)).history(1).select("timestamp").first()
          .getTimestamp(0).getTime() / 1000;
      rows = AcledFormat.rows(rows, sources, version);
      written = "csv";
    } else if (format == Format.csv) {
      rows = flattenForCsv(rows);
    }
    boolean singleFile = format == Format.acled || out.toLowerCase(Locale.ROOT).endsWith("." + format.name());
    Path dir = singleFile ? new Path(target.getParent() == null ? new Path(".") : target.getParent(),
        "." + target.getName() + ".parts") : target;
    var writer = (singleFile ? rows.coalesce(1) : rows).write().mode("overwrite");
    switch (format) {
      // every column on every row: a null is written as null, not left out (Spark's default drops the key)
      case jsonl: writer.option("ignoreNullFields", "false").json(dir.toString()); break;
      case csv, acled: writer.option("header", "true").option("escape", "\"").csv(dir.toString()); break;
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
      if (written.equals("csv") && fs.getFileStatus(target).getLen() == 0) {
        // a table without rows may leave no part file to move: the file still names its columns
        try (var o = fs.create(target, true)) {
          o.write((CSVFormat.DEFAULT.format((Object[]) rows.schema().fieldNames()) + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
        }
      }
    }
    if (singleFile) {
      dropChecksum(fs, target);
    }
    long n = spark.read().format(format == Format.jsonl ? "json" : written)
        .option("header", "true").load(target.toString()).count();
    p.done("exported " + n + " rows of " + table + " to " + fs.makeQualified(target));
    return 0;
  }

  /** A local file system leaves a hidden {@code .NAME.crc} beside the file it wrote: one file means one file. */
  private static void dropChecksum(FileSystem fs, Path target) throws IOException {
    if (fs instanceof ChecksumFileSystem local) {
      fs.delete(local.getChecksumFile(target), false);
    }
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
