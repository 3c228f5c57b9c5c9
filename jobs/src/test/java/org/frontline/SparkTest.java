package org.frontline;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.frontline.common.Sessions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** One local SparkSession per test JVM, configured like the jobs'. */
public abstract class SparkTest {
  private static SparkSession spark;

  protected static synchronized SparkSession spark() {
    if (spark == null) {
      SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("frontline-tests")
          .set("spark.ui.enabled", "false")
          .set("spark.driver.host", "127.0.0.1")
          .set("spark.driver.bindAddress", "127.0.0.1");
      Sessions.applyDefaults(conf, 4);
      spark = SparkSession.builder().config(conf).getOrCreate();
      spark.sparkContext().setLogLevel("WARN");
    }
    return spark;
  }

  /** The repository root (tests read data/ from it, never ../shared). */
  public static Path repo() {
    return Path.of(System.getProperty("frontline.repo", "..")).toAbsolutePath().normalize();
  }

  /** A one-column (or more) frame of strings: {@code strings("title", "text")} then rows. */
  protected static Dataset<Row> strings(String[] columns, String[]... rows) {
    StructType schema = new StructType();
    for (String c : columns) {
      schema = schema.add(c, DataTypes.StringType, true);
    }
    List<Row> list = new ArrayList<>();
    for (String[] r : rows) {
      list.add(RowFactory.create((Object[]) r));
    }
    return spark().createDataFrame(list, schema);
  }

  protected static String[] cols(String... c) {
    return c;
  }

  protected static String[] row(String... v) {
    return v;
  }

  /** A copy of a directory tree (a lake, to run two histories from one start). */
  protected static Path copyTree(Path from, Path to)
      throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
    return to;
  }
}
