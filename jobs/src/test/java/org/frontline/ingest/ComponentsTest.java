package org.frontline.ingest;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.frontline.SparkTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.*;
import static org.junit.jupiter.api.Assertions.*;

/** Connected components in the driver and in Spark give every node its component's least label. */
class ComponentsTest extends SparkTest {
  static Map<String, String> byNode(Dataset<Row> labels) {
    Map<String, String> m = new TreeMap<>();
    for (Row r : labels.select(col("node"), col("label.id")).collectAsList()) {
      assertNull(m.put(r.getString(0), r.getString(1)), "one row per node: " + r);
    }
    return m;
  }

  @Test
  void theDriversUnionFindEqualsIteratedMinimumLabels() {
    Random random = new Random(11);
    List<Row> nodes = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      // the label orders by day first, so a component's least label is rarely its least node id
      nodes.add(RowFactory.create("n" + i, RowFactory.create(random.nextInt(40), "n" + i)));
    }
    List<Row> edges = new ArrayList<>();
    for (int k = 0; k < 220; k++) {
      String a = "n" + random.nextInt(300);
      String b = "n" + random.nextInt(300);
      edges.add(RowFactory.create(a, b));
      edges.add(RowFactory.create(b, a));
    }
    for (int i = 0; i < 12; i++) { // one long chain: more rounds than most
      edges.add(RowFactory.create("n" + i, "n" + (i + 1)));
      edges.add(RowFactory.create("n" + (i + 1), "n" + i));
    }
    StructType label = new StructType().add("day", DataTypes.IntegerType).add("id", DataTypes.StringType);
    Dataset<Row> n = spark().createDataFrame(nodes, new StructType().add("node", DataTypes.StringType)
        .add("label", label));
    Dataset<Row> e = spark().createDataFrame(edges, new StructType().add("src", DataTypes.StringType)
        .add("dst", DataTypes.StringType));
    Map<String, String> local = byNode(Components.minLabels(n, e));
    assertEquals(300, local.size());
    assertEquals(byNode(Components.iterated(n, e)), local);
    // the chain's nodes share one label, the least of the component that holds them
    assertEquals(1, java.util.stream.IntStream.rangeClosed(0, 12).mapToObj(i -> local.get("n" + i)).distinct().count());
  }
}
