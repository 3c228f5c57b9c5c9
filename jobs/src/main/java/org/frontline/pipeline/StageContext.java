package org.frontline.pipeline;

import org.apache.spark.sql.SparkSession;
import org.frontline.lake.Lake;
import org.frontline.lake.RunSummary;
import org.frontline.lake.StageResult;

/** What a stage's work sees: the session, the lake, and (through the summary) the results of earlier stages. */
public record StageContext(SparkSession spark, Lake lake, RunSummary summary) {
  /** The result an earlier stage of this run returned as a {@code type}; an error when none did. */
  public <T extends StageResult> T result(Class<T> type) {
    return summary.result(type).orElseThrow(() -> new IllegalStateException(
        "no earlier stage of this run returned a " + type.getSimpleName()));
  }
}
