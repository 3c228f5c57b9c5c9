package org.frontline.notebook;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.frontline.common.Sessions;
import org.frontline.lake.Lake;
import org.frontline.lake.Tables;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * What a notebook cell can call without imports (the kernel imports this class): the session, the lake and its
 * tables as Datasets and SQL views, and display. The lake is {@code FRONTLINE_LAKE} (environment) or
 * {@code -Dfrontline.lake}, else {@code ../lake} (the README's first command, seen from {@code notebooks/}),
 * else {@code lake}. The master is {@code FRONTLINE_MASTER}, else local mode.
 */
public final class Notebook {
  private static SparkSession spark;
  private static Lake lake;

  private Notebook() {}

  /** The notebook's SparkSession, configured like Frontline's jobs (Delta, UTC, Kryo, 8 shuffle partitions). */
  public static synchronized SparkSession spark() {
    if (spark == null) {
      System.setProperty("spark.ui.showConsoleProgress", "false");
      spark = Sessions.create("frontline-notebook", System.getenv("FRONTLINE_MASTER"), 8);
      spark.sparkContext().setLogLevel("WARN");
    }
    return spark;
  }

  /** The lake directory the notebook reads. */
  public static String lakePath() {
    String p = System.getenv("FRONTLINE_LAKE");
    if (p == null || p.isBlank()) {
      p = System.getProperty("frontline.lake");
    }
    if (p == null || p.isBlank()) {
      p = new File("../lake").isDirectory() ? "../lake" : "lake";
    }
    return p;
  }

  public static synchronized Lake lake() {
    if (lake == null) {
      lake = new Lake(spark(), lakePath());
    }
    return lake;
  }

  /** One lake table (see {@link Tables}) as a Dataset. */
  public static Dataset<Row> table(String name) {
    return lake().read(name);
  }

  /**
   * Registers every table of the lake as a temporary view of its own name (so SQL can say
   * {@code FROM events}) and returns one row per table: name, rows, columns and path.
   */
  public static Dataset<Row> tables() {
    List<Row> rows = new ArrayList<>();
    for (String t : Tables.DATA_TABLES) {
      if (lake().exists(t)) {
        Dataset<Row> d = lake().read(t);
        d.createOrReplaceTempView(t);
        rows.add(RowFactory.create(t, d.count(), d.columns().length, lake().path(t)));
      }
    }
    StructType schema = new StructType().add("table", DataTypes.StringType).add("rows", DataTypes.LongType)
        .add("columns", DataTypes.IntegerType).add("path", DataTypes.StringType);
    return spark().createDataFrame(rows, schema);
  }

  /** Spark SQL over the lake's tables (registered as views first). */
  public static Dataset<Row> sql(String query) {
    for (String t : Tables.DATA_TABLES) {
      if (!spark().catalog().tableExists(t) && lake().exists(t)) {
        lake().read(t).createOrReplaceTempView(t);
      }
    }
    return spark().sql(query);
  }

  /** Shows anything the kernel can render (a Dataset, a chart, text) now, before the cell ends. */
  public static void display(Object value) {
    DisplayData d = value instanceof DisplayData dd ? dd : BaseKernel.notebookKernel().getRenderer().render(value);
    BaseKernel.notebookKernel().display(d);
  }

  /** The first {@code n} rows of a Dataset as a table (a cell's last expression shows 20). */
  public static DisplayData show(Dataset<?> rows, int n) {
    return Displays.table(rows, n);
  }

  static synchronized void cancelJobs() {
    if (spark != null) {
      spark.sparkContext().cancelAllJobs();
    }
  }

  static synchronized void stop() {
    if (spark != null) {
      spark.stop();
      spark = null;
      lake = null;
    }
  }
}
