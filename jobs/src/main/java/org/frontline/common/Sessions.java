package org.frontline.common;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.util.ShutdownHookManager;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.frontline.lake.Tables;

import java.io.IOException;

/**
 * The one place a SparkSession is configured. The master comes from spark-submit (the {@code spark.master}
 * property) when present, else from {@code --master}, else {@code local[*]}; nothing else hard-codes it.
 */
public final class Sessions {
  private Sessions() {}

  public static SparkSession create(String appName, String masterOverride, int shufflePartitions) {
    SparkConf conf = new SparkConf(true); // loads spark.* system properties set by spark-submit
    if (masterOverride != null && !masterOverride.isBlank()) {
      conf.setMaster(masterOverride);
    } else if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    boolean local = conf.get("spark.master").startsWith("local");
    if (local) {
      conf.setIfMissing("spark.ui.enabled", "false");
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
    }
    conf.setIfMissing("spark.app.name", appName);
    applyDefaults(conf, shufflePartitions);
    SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
    useCheckpointDir(spark);
    if (!conf.contains(MIN_SCAN_PARTITIONS)) {
      spark.conf().set(MIN_SCAN_PARTITIONS,
          Integer.toString(ColumnTransformer.SPREAD * spark.sparkContext().defaultParallelism()));
    }
    return spark;
  }

  /** Where materialised frames go on a cluster (shared storage: HDFS, S3, or a directory every node mounts). */
  public static final String CHECKPOINT_DIR = "spark.checkpoint.dir";

  /**
   * Materialised frames go to {@link #CHECKPOINT_DIR} when it is set and Spark is not in local mode: a lost
   * executor then loses no materialised rows. The run's subdirectory is deleted when the JVM exits.
   */
  public static boolean reliableCheckpoints(SparkSession spark) {
    return !spark.sparkContext().isLocal() && spark.sparkContext().getCheckpointDir().isDefined();
  }

  private static void useCheckpointDir(SparkSession spark) {
    SparkContext sc = spark.sparkContext();
    if (sc.isLocal() || !sc.conf().contains(CHECKPOINT_DIR)) {
      return;
    }
    if (sc.getCheckpointDir().isEmpty()) {
      sc.setCheckpointDir(sc.conf().get(CHECKPOINT_DIR));
    }
    String dir = sc.getCheckpointDir().get();
    Configuration hadoop = sc.hadoopConfiguration();
    // before Hadoop closes its file systems at exit (priority 10)
    ShutdownHookManager.get().addShutdownHook(() -> {
      try {
        Path p = new Path(dir);
        p.getFileSystem(hadoop).delete(p, true);
      } catch (IOException | RuntimeException e) {
        System.err.println("could not delete the checkpoints in " + dir + ": " + e.getMessage());
      }
    }, 20);
  }

  /**
   * A table read from files is split into at least {@link ColumnTransformer#SPREAD} tasks per core (when its
   * files allow): otherwise Spark packs up to {@code totalBytes / cores} per task, and a stage doing row work
   * over a table of a few hundred MB (extraction over the articles) runs as two or three tasks, or has to
   * shuffle its text first to balance the cores.
   */
  static final String MIN_SCAN_PARTITIONS = "spark.sql.files.minPartitionNum";

  /** Settings Frontline relies on, for jobs, tests and notebooks alike. */
  public static void applyDefaults(SparkConf conf, int shufflePartitions) {
    conf.setIfMissing("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension");
    conf.setIfMissing("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
    conf.setIfMissing("spark.sql.session.timeZone", "UTC");
    conf.setIfMissing("spark.sql.shuffle.partitions", Integer.toString(shufflePartitions));
    conf.setIfMissing("spark.sql.adaptive.enabled", "true");
    conf.setIfMissing("spark.sql.mapKeyDedupPolicy", "LAST_WIN");
    conf.setIfMissing("spark.sql.legacy.timeParserPolicy", "CORRECTED");
    conf.setIfMissing("spark.sql.debug.maxToStringFields", "500");
    conf.setIfMissing("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
    conf.setIfMissing("spark.databricks.delta.snapshotPartitions", "4");
    conf.setIfMissing("spark.databricks.delta.stats.collect", "true");
    // a materialised frame's checkpoint files are deleted once nothing refers to it (on a cluster)
    conf.setIfMissing("spark.cleaner.referenceTracking.cleanCheckpoints", "true");
    for (String column : Tables.DISTINCT_VALUE_COLUMNS) {
      conf.setIfMissing("spark.hadoop.parquet.enable.dictionary#" + column, "false");
    }
    String executorOptions = conf.get("spark.executor.extraJavaOptions", "");
    if (!executorOptions.contains("DontCompileHugeMethods")) {
      conf.set("spark.executor.extraJavaOptions", (executorOptions + " " + COMPILE_HUGE_METHODS).trim());
    }
  }

  /**
   * Data up to this many bytes (a command's input files plus the lake's articles; a night's input files alone) is
   * evaluated by Spark's interpreted expressions instead of generated code. In a fresh JVM, generating and
   * compiling the code of each query costs more than it saves on small data; per row, interpreted evaluation
   * costs more. The README's run
   * over 800 records took 105 s compiled and 77 s interpreted; at 20 MB of input (20,000 generated articles) both
   * took 159 s; extract over 47,605 articles (14 MB of articles) took 42 s compiled and 47 s interpreted. The
   * tables are identical either way (docs/BENCHMARKS.md).
   */
  public static final long INTERPRETED_MAX_BYTES = 8L << 20;
  /** Whole-stage code generation (on by default). */
  static final String WHOLE_STAGE_CODEGEN = "spark.sql.codegen.wholeStage";
  /**
   * How Spark builds expression evaluators: generated code with an interpreted fallback by default. Spark marks
   * this key internal (meant for its tests); it is honoured in Spark 4.2, and {@code SessionsTest} checks that
   * it still takes effect, so an upgrade that drops it fails there.
   */
  static final String CODEGEN_FACTORY_MODE = "spark.sql.codegen.factoryMode";

  /**
   * Turns Spark's code generation off in this session while the returned handle is open, when {@code bytes} is
   * at most {@link #INTERPRETED_MAX_BYTES} and neither code generation key is set, in the Spark conf or in the
   * session (a user's choice wins). Closing the handle unsets both keys again. Results are the same either way,
   * only the time differs.
   */
  public static Interpreted interpretSmallData(SparkSession spark, long bytes) {
    if (bytes > INTERPRETED_MAX_BYTES || isSet(spark, WHOLE_STAGE_CODEGEN) || isSet(spark, CODEGEN_FACTORY_MODE)) {
      return new Interpreted(spark, false);
    }
    spark.conf().set(WHOLE_STAGE_CODEGEN, "false");
    spark.conf().set(CODEGEN_FACTORY_MODE, "NO_CODEGEN");
    return new Interpreted(spark, true);
  }

  /** Whether a key was set explicitly: in the SparkConf (spark-submit, --conf, -D) or in the session. */
  private static boolean isSet(SparkSession spark, String key) {
    return spark.sparkContext().getConf().contains(key) || spark.conf().getAll().contains(key);
  }

  /** The period a session evaluates expressions interpreted; {@link #close} unsets what it set. */
  public static final class Interpreted implements AutoCloseable {
    private final SparkSession spark;
    private final boolean active;

    private Interpreted(SparkSession spark, boolean active) {
      this.spark = spark;
      this.active = active;
    }

    /** Whether code generation is off in this period. */
    public boolean active() {
      return active;
    }

    @Override
    public void close() {
      if (active) {
        spark.conf().unset(WHOLE_STAGE_CODEGEN);
        spark.conf().unset(CODEGEN_FACTORY_MODE);
      }
    }
  }

  /**
   * The bytes of the data files under a table directory (names starting with {@code _} or {@code .}, such as the
   * Delta log, left out), counted until they exceed {@code stopAbove}: a large lake is not listed whole to learn
   * that it is large. A directory that cannot be listed counts {@link Long#MAX_VALUE} (not small).
   */
  public static long bytesUpTo(Configuration hadoop, String dir, long stopAbove) {
    try {
      Path root = new Path(dir);
      FileSystem fs = root.getFileSystem(hadoop);
      RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, true);
      String prefix = fs.makeQualified(root).toUri().getPath() + "/";
      long total = 0;
      while (files.hasNext() && total <= stopAbove) {
        LocatedFileStatus f = files.next();
        String path = f.getPath().toUri().getPath();
        String relative = path.startsWith(prefix) ? path.substring(prefix.length()) : path;
        if (!relative.matches("(.*/)?[_.].*")) {
          total += f.getLen();
        }
      }
      return total;
    } catch (IOException | RuntimeException e) {
      return Long.MAX_VALUE;
    }
  }

  /**
   * Lets the JIT compile methods of more than 8,000 bytes of bytecode, which Spark's whole-stage code generation
   * makes (ingest's record preparation has two); HotSpot otherwise runs them interpreted. Executors get it here;
   * a driver started by {@code spark-submit} needs {@code --driver-java-options} (docs/DEPLOY.md), one started by
   * Frontline's scripts has it from {@code bin/lib/spark-env.sh}.
   */
  public static final String COMPILE_HUGE_METHODS = "-XX:-DontCompileHugeMethods";
}
