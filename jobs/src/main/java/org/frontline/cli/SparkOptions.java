package org.frontline.cli;

import org.apache.spark.sql.SparkSession;
import org.frontline.common.Sessions;
import picocli.CommandLine.Option;

/** Options every Spark command shares. */
public final class SparkOptions {
  @Option(names = "--master", description = "Spark master; default: the one spark-submit gives, else local[*]")
  String master;

  @Option(names = "--shuffle-partitions", defaultValue = "8",
      description = "spark.sql.shuffle.partitions unless set in the Spark conf (default: ${DEFAULT-VALUE})")
  int shufflePartitions;

  @Option(names = "--verbose", description = "Spark's INFO logging and stack traces on failure")
  boolean verbose;

  SparkSession session(String app) {
    if (shufflePartitions <= 0) {
      throw new IllegalArgumentException("--shuffle-partitions must be positive");
    }
    if (verbose) {
      System.setProperty("frontline.verbose", "true");
    }
    SparkSession spark = Sessions.create(app, master, shufflePartitions);
    spark.sparkContext().setLogLevel(verbose ? "INFO" : "WARN");
    return spark;
  }
}
