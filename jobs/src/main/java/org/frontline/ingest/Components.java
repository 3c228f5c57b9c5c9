package org.frontline.ingest;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.frontline.common.ColumnTransformer;

import static org.apache.spark.sql.functions.*;

/**
 * Connected components of a small graph by iterated minimum labels (each node ends with its component's least
 * label).
 */
final class Components {
  private static final int MAX_ITERATIONS = 30;

  private Components() {}

  /**
   * @param nodes (node, label) — label is any orderable value, initially the node's own
   * @param edges (src, dst, ...) — both directions present
   * @return (node, label) with label the least label of the node's component
   */
  static Dataset<Row> minLabels(Dataset<Row> nodes, Dataset<Row> edges) {
    Dataset<Row> labels = ColumnTransformer.materialize(nodes);
    for (int i = 0; i < MAX_ITERATIONS; i++) {
      // each round materialised: its plan stays one join deep, and on a cluster it survives a lost executor
      Dataset<Row> incoming = edges.join(labels, edges.col("src").equalTo(labels.col("node")))
          .groupBy(col("dst")).agg(min(col("label")).as("incoming"));
      Dataset<Row> next = ColumnTransformer.materialize(
          labels.join(incoming, labels.col("node").equalTo(incoming.col("dst")), "left")
              .select(col("node"), when(col("incoming").isNotNull().and(col("incoming").lt(col("label"))),
                  col("incoming")).otherwise(col("label")).as("label")));
      long changed = next.join(labels.withColumnRenamed("label", "old"), "node")
          .where(col("label").notEqual(col("old"))).count();
      labels = next;
      if (changed == 0) {
        break;
      }
    }
    return labels;
  }
}
