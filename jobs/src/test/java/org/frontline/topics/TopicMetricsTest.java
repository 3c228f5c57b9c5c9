package org.frontline.topics;

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

import static org.junit.jupiter.api.Assertions.*;

class TopicMetricsTest extends SparkTest {
  private static Dataset<Row> assigned(Object[] pred, Object[] label) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < pred.length; i++) {
      rows.add(RowFactory.create(String.valueOf(pred[i]), String.valueOf(label[i])));
    }
    return spark().createDataFrame(rows,
        new StructType().add("p", DataTypes.StringType).add("l", DataTypes.StringType));
  }

  @Test
  void agreementMatchesTheTextbookFormulas() {
    // values computed independently with the scikit-learn definitions (arithmetic-mean NMI)
    Map<String, Double> a = TopicMetrics.agreement(assigned(new Object[] {0, 0, 1, 1, 2, 2},
        new Object[] {0, 0, 0, 1, 1, 1}), "p", "l");
    assertEquals(0.5158037429793888, a.get("nmi"), 1e-12);
    assertEquals(0.24242424242424246, a.get("ari"), 1e-12);
    assertEquals(5.0 / 6, a.get("purity"), 1e-12);
    Map<String, Double> b = TopicMetrics.agreement(assigned(new Object[] {1, 1, 1, 2, 2, 3, 3, 3, 3},
        "aaabbbccc".chars().mapToObj(c -> (char) c).toArray()), "p", "l");
    assertEquals(0.786013103263073, b.get("nmi"), 1e-12);
    assertEquals(0.6428571428571429, b.get("ari"), 1e-12);
    assertEquals(8.0 / 9, b.get("purity"), 1e-12);
    // renaming clusters changes nothing; a perfect clustering scores 1
    Map<String, Double> c = TopicMetrics.agreement(
        assigned(new Object[] {7, 7, 3, 3}, new Object[] {"x", "x", "y", "y"}), "p", "l");
    assertEquals(1.0, c.get("nmi"), 1e-12);
    assertEquals(1.0, c.get("ari"), 1e-12);
  }

  private static Dataset<Row> docs(List<List<String>> tokens) {
    List<Row> rows = new ArrayList<>();
    for (List<String> t : tokens) {
      rows.add(RowFactory.create(t));
    }
    return spark().createDataFrame(rows,
        new StructType().add("tokens", DataTypes.createArrayType(DataTypes.StringType)));
  }

  @Test
  void npmiCountsBooleanSlidingWindowsAsGensimDoes() {
    // three documents shorter than the window: one window each
    Dataset<Row> d = docs(List.of(List.of("a", "b", "c"), List.of("a", "b"), List.of("c", "d")));
    double[] npmi = TopicMetrics.npmi(d, "tokens",
        List.of(List.of("a", "b"), List.of("a", "d"), List.of("a", "b", "c")), 10);
    assertEquals(1.0, npmi[0], 1e-9); // a and b always together
    double never = Math.log(1e-12 / (2.0 / 3 * 1.0 / 3)) / -Math.log(1e-12);
    assertEquals(never, npmi[1], 1e-9); // never together: close to -1
    double ac = Math.log((1.0 / 3 + 1e-12) / (2.0 / 3 * 2.0 / 3)) / -Math.log(1.0 / 3 + 1e-12);
    assertEquals((1.0 + ac + ac) / 3, npmi[2], 1e-9);

    // window 2 over "a x x x b": windows [a x] [x x] [x x] [x b]; a and b never share one
    Dataset<Row> e = docs(List.of(List.of("a", "x", "x", "x", "b"), List.of("a", "b")));
    double[] w2 = TopicMetrics.npmi(e, "tokens", List.of(List.of("a", "b")), 2);
    // 5 windows: a in 2, b in 2, together in 1
    double expected = Math.log((0.2 + 1e-12) / (0.4 * 0.4)) / -Math.log(0.2 + 1e-12);
    assertEquals(expected, w2[0], 1e-9);

    // the same counts over token lists held in the driver
    assertArrayEquals(npmi, TopicMetrics.npmi(List.of(List.of("a", "b", "c"), List.of("a", "b"), List.of("c", "d")),
        List.of(List.of("a", "b"), List.of("a", "d"), List.of("a", "b", "c")), 10), 1e-12);
    assertArrayEquals(w2, TopicMetrics.npmi(List.of(List.of("a", "x", "x", "x", "b"), List.of("a", "b")),
        List.of(List.of("a", "b")), 2), 1e-12);
  }

  @Test
  void diversityIsTheShareOfUniqueTopWords() {
    assertEquals(1.0, TopicMetrics.diversity(List.of(List.of("a", "b"), List.of("c", "d")), 25));
    assertEquals(0.75, TopicMetrics.diversity(List.of(List.of("a", "b"), List.of("a", "d")), 25));
    assertEquals(0.5, TopicMetrics.diversity(List.of(List.of("a", "b", "z"), List.of("a", "b", "y")), 2));
  }
}
