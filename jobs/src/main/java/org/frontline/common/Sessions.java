package org.frontline.common;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.ShutdownHookManager;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.frontline.lake.Tables;

import java.io.IOException;
import java.util.Collection;

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
   * Data up to this many bytes (a command's input files plus the lake's articles) is evaluated by Spark's
   * interpreted expressions instead of generated code. In a fresh JVM, generating and compiling the code of each
   * query costs more than it saves on small data; per row, interpreted evaluation costs more. The README's run
   * over 800 records took 105 s compiled and 77 s interpreted; at 20 MB of input (20,000 generated articles) both
   * took 158 s; extract over 47,605 articles (14 MB of articles) took 42 s compiled and 47 s interpreted. The
   * tables are identical either way (docs/BENCHMARKS.md).
   */
  public static final long INTERPRETED_MAX_BYTES = 8L << 20;
  /** Whole-stage code generation (on by default). */
  static final String WHOLE_STAGE_CODEGEN = "spark.sql.codegen.wholeStage";
  /** How Spark builds expression evaluators: generated code with an interpreted fallback by default. */
  static final String CODEGEN_FACTORY_MODE = "spark.sql.codegen.factoryMode";

  /**
   * Turns Spark's code generation off in this session while the returned handle is open, when {@code bytes} is
   * at most {@link #INTERPRETED_MAX_BYTES} and the Spark conf does not set either code generation key itself.
   * Closing the handle restores the session's settings (a notebook's or a test's shared session keeps its own).
   * Results are the same either way, only the time differs.
   */
  public static Interpreted interpretSmallData(SparkSession spark, long bytes) {
    SparkConf conf = spark.sparkContext().getConf();
    if (bytes > INTERPRETED_MAX_BYTES || conf.contains(WHOLE_STAGE_CODEGEN) || conf.contains(CODEGEN_FACTORY_MODE)) {
      return new Interpreted(spark, false, null, null);
    }
    Interpreted handle = new Interpreted(spark, true, spark.conf().getOption(WHOLE_STAGE_CODEGEN),
        spark.conf().getOption(CODEGEN_FACTORY_MODE));
    spark.conf().set(WHOLE_STAGE_CODEGEN, "false");
    spark.conf().set(CODEGEN_FACTORY_MODE, "NO_CODEGEN");
    return handle;
  }

  /** The period a session evaluates expressions interpreted; {@link #close} restores its earlier settings. */
  public static final class Interpreted implements AutoCloseable {
    private final SparkSession spark;
    private final boolean active;
    private final scala.Option<String> wholeStage;
    private final scala.Option<String> factoryMode;

    private Interpreted(SparkSession spark, boolean active, scala.Option<String> wholeStage,
                        scala.Option<String> factoryMode) {
      this.spark = spark;
      this.active = active;
      this.wholeStage = wholeStage;
      this.factoryMode = factoryMode;
    }

    /** Whether code generation is off in this period. */
    public boolean active() {
      return active;
    }

    @Override
    public void close() {
      if (active) {
        restore(WHOLE_STAGE_CODEGEN, wholeStage);
        restore(CODEGEN_FACTORY_MODE, factoryMode);
      }
    }

    private void restore(String key, scala.Option<String> value) {
      if (value.isDefined()) {
        spark.conf().set(key, value.get());
      } else {
        spark.conf().unset(key);
      }
    }
  }

  /**
   * The bytes under the given paths (files, directories or glob patterns); a path that does not exist or cannot
   * be listed counts 0 (the stage that reads it reports it).
   */
  public static long bytesAt(Configuration hadoop, Collection<String> paths) {
    long total = 0;
    for (String p : paths) {
      try {
        Path path = new Path(p);
        FileSystem fs = path.getFileSystem(hadoop);
        FileStatus[] matches = fs.globStatus(path);
        for (FileStatus m : matches == null ? new FileStatus[0] : matches) {
          total += fs.getContentSummary(m.getPath()).getLength();
        }
      } catch (IOException | IllegalArgumentException e) {
        // sized as 0: not readable here, and the stage reading it says why
      }
    }
    return total;
  }

  /**
   * Lets the JIT compile methods of more than 8,000 bytes of bytecode, which Spark's whole-stage code generation
   * makes (ingest's record preparation has two); HotSpot otherwise runs them interpreted. Executors get it here;
   * a driver started by {@code spark-submit} needs {@code --driver-java-options} (docs/DEPLOY.md), one started by
   * Frontline's scripts has it from {@code bin/lib/spark-env.sh}.
   */
  public static final String COMPILE_HUGE_METHODS = "-XX:-DontCompileHugeMethods";
}
