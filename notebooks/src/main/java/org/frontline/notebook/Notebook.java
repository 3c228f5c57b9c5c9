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
import org.frontline.extract.ExtractJob;
import org.frontline.ingest.IngestJob;
import org.frontline.lake.Lake;
import org.frontline.lake.RunSummary;
import org.frontline.lake.Tables;
import org.frontline.pipeline.Pipeline;
import org.frontline.pipeline.Pipelines;
import org.frontline.pipeline.StageContext;
import org.frontline.pipeline.StageRunner;
import org.frontline.topics.TopicsJob;
import org.frontline.trends.TrendsJob;

import java.io.File;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a notebook cell can call without imports (the kernel imports this class): the session, the lake and its
 * tables as Datasets and SQL views, and display. The lake is {@code FRONTLINE_LAKE} (environment) or
 * {@code -Dfrontline.lake}, else {@code ../lake} (the README's first command, seen from {@code notebooks/}),
 * else {@code lake}; {@link #useLake} switches it. The master is {@code FRONTLINE_MASTER}, else local mode.
 * {@link #run} and {@link #nightly} run Frontline's own pipelines ({@link Pipelines}) in the notebook's session,
 * exactly as the {@code run} and {@code nightly} commands do with their default options.
 */
public final class Notebook {
  private static SparkSession spark;
  private static Lake lake;
  private static String lakeOverride;

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
  public static synchronized String lakePath() {
    if (lakeOverride != null) {
      return lakeOverride;
    }
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

  /**
   * Points the notebook at another lake directory (created by the next run if missing); the views of the
   * previous lake are dropped. Returns the directory.
   */
  public static synchronized String useLake(String dir) {
    if (dir == null || dir.isBlank()) {
      throw new IllegalArgumentException("useLake needs a directory");
    }
    if (spark != null) {
      dropViews();
    }
    lakeOverride = dir;
    lake = null;
    return dir;
  }

  /**
   * The full pipeline (ingest → extract → events → topics → trends → report) over input files, directories or
   * globs into the notebook's lake, with the {@code run} command's defaults; the report goes to
   * {@code LAKE/report}. Returns the run summary (also written to {@code LAKE/runs/}); the tables' views are
   * refreshed.
   */
  public static RunSummary run(String... inputs) {
    List<String> in = inputs(inputs);
    return run(Pipelines.full(new Pipelines.RunOptions(IngestJob.Options.of(in), new ExtractJob.Options(null),
        TopicsJob.Options.defaults(), TrendsJob.Options.defaults(), null, null)), "run", in);
  }

  /**
   * One night ({@code yyyy-MM-dd}) over its input files into the notebook's lake, incrementally, with the
   * {@code nightly} command's defaults; the report goes to {@code LAKE/reports/DATE}. Returns the run summary.
   */
  public static RunSummary nightly(String date, String... inputs) {
    List<String> in = inputs(inputs);
    return run(Pipelines.nightly(new Pipelines.NightlyOptions(LocalDate.parse(date), IngestJob.Options.of(in),
        TopicsJob.Options.defaults(), TrendsJob.Options.defaults(), null)), "nightly", in);
  }

  /**
   * Any pipeline of {@link Pipelines} over the notebook's lake, as one locked run with a summary. Its stages
   * run on threads of their own ({@link StageRunner#runConcurrently}): a stage's work must not call this
   * class's methods, which wait for this one to return.
   */
  public static synchronized RunSummary run(Pipeline pipeline, String command, List<String> arguments) {
    lake().ensureWritable();
    RunSummary summary = new RunSummary(command, lake().root(), arguments);
    StageRunner.runLocked(pipeline, new StageContext(spark(), lake(), summary), command);
    dropViews();
    return summary;
  }

  /** Drops the tables' views, so that the next {@link #sql} reads the lake as it is now. */
  private static void dropViews() {
    for (String t : Tables.DATA_TABLES) {
      spark().catalog().dropTempView(t);
    }
  }

  private static List<String> inputs(String[] inputs) {
    if (inputs == null || inputs.length == 0) {
      throw new IllegalArgumentException("name at least one input file, directory or glob");
    }
    return List.copyOf(Arrays.asList(inputs));
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
