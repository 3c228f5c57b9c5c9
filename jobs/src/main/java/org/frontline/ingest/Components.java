package org.frontline.ingest;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.frontline.common.ColumnTransformer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.*;

/**
 * Connected components of a graph of near-duplicate pairs: each node ends with its component's least label.
 * The graph is small next to the corpus (8,600 pairs among 200,000 articles): up to {@link #MAX_LOCAL_EDGES}
 * edges it is solved in the driver by union-find over the nodes in label order (one sort, two small collects);
 * a larger one by iterated minimum labels in Spark (a join and a comparison per round).
 */
final class Components {
  /** Largest edge list (both directions) solved in the driver: about 30 MB of ids. */
  static final int MAX_LOCAL_EDGES = 400_000;
  private static final int MAX_ITERATIONS = 30;

  private Components() {}

  /**
   * @param nodes (node: string, label) — label is any orderable value, initially the node's own
   * @param edges (src, dst, ...) — both directions present
   * @return (node, label) with label the least label of the node's component
   */
  static Dataset<Row> minLabels(Dataset<Row> nodes, Dataset<Row> edges) {
    List<Row> pairs = edges.select(col("src").cast(DataTypes.StringType), col("dst").cast(DataTypes.StringType))
        .limit(MAX_LOCAL_EDGES + 1).collectAsList();
    return pairs.size() <= MAX_LOCAL_EDGES ? local(nodes, pairs) : iterated(nodes, edges);
  }

  /**
   * Union-find over the nodes in label order: a component's root is its member of least rank. The nodes are
   * collected once with their labels, and each node's row is built from its root's label (no second pass over
   * the nodes).
   */
  private static Dataset<Row> local(Dataset<Row> nodes, List<Row> pairs) {
    Dataset<Row> sorted = nodes.select(col("node").cast(DataTypes.StringType).as("node"), col("label"))
        .orderBy(col("label"), col("node"));
    List<Row> ordered = sorted.collectAsList();
    Map<String, Integer> rank = new HashMap<>();
    for (int i = 0; i < ordered.size(); i++) {
      rank.putIfAbsent(ordered.get(i).getString(0), i);
    }
    int[] parent = new int[ordered.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    for (Row e : pairs) {
      Integer a = rank.get(e.getString(0));
      Integer b = rank.get(e.getString(1));
      if (a != null && b != null) {
        int ra = root(parent, a);
        int rb = root(parent, b);
        // the smaller rank becomes the root: a root is always its component's least member so far
        parent[Math.max(ra, rb)] = Math.min(ra, rb);
      }
    }
    List<Row> rows = new ArrayList<>(ordered.size());
    for (int i = 0; i < ordered.size(); i++) {
      String node = ordered.get(i).getString(0);
      if (rank.get(node) == i) { // a node listed twice (two labels) answers once, by its least
        rows.add(RowFactory.create(node, ordered.get(root(parent, i)).get(1)));
      }
    }
    return nodes.sparkSession().createDataFrame(rows, sorted.schema());
  }

  private static int root(int[] parent, int i) {
    int r = i;
    while (parent[r] != r) {
      r = parent[r];
    }
    // path compression: every node on the way points to the root
    int x = i;
    while (parent[x] != r) {
      int next = parent[x];
      parent[x] = r;
      x = next;
    }
    return r;
  }

  /** Iterated minimum labels: each round, a node takes the least label among its own and its neighbours'. */
  static Dataset<Row> iterated(Dataset<Row> nodes, Dataset<Row> edges) {
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
