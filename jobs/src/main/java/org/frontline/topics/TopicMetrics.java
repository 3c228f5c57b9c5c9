package org.frontline.topics;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.apache.spark.sql.functions.*;

/**
 * Topic quality measures.
 * <ul>
 *   <li>Agreement with gold labels: NMI (arithmetic-mean normalisation, as scikit-learn's default), adjusted
 *   Rand index and purity, from the cluster × class contingency table (aggregated in Spark; only the
 *   k × classes table reaches the driver).</li>
 *   <li>NPMI coherence as gensim's {@code c_npmi}: every document is cut into boolean sliding windows of
 *   {@code window} tokens (a shorter document is one window); P(w) and P(w1, w2) are the shares of windows
 *   holding the word(s); NPMI = log((P(w1,w2) + ε) / (P(w1) P(w2))) / −log(P(w1,w2) + ε) with ε = 1e-12,
 *   averaged over all word pairs of a topic, then over topics.</li>
 *   <li>Diversity: unique words among the top {@code n} of all topics, divided by n × topics.</li>
 * </ul>
 */
public final class TopicMetrics {
  private TopicMetrics() {}

  private static final double EPS = 1e-12;

  /** NMI, ARI and purity of {@code predCol} against {@code labelCol}; rows with a null label are left out. */
  public static Map<String, Double> agreement(Dataset<Row> assigned, String predCol, String labelCol) {
    List<Row> cells = assigned.filter(col(labelCol).isNotNull().and(col(predCol).isNotNull()))
        .groupBy(col(predCol).cast("string").as("p"), col(labelCol).cast("string").as("l"))
        .agg(count(lit(1)).as("n")).collectAsList();
    Map<String, Long> byPred = new HashMap<>();
    Map<String, Long> byLabel = new HashMap<>();
    Map<String, Long> bestInPred = new HashMap<>();
    long n = 0;
    for (Row r : cells) {
      long c = r.getLong(2);
      n += c;
      byPred.merge(r.getString(0), c, Long::sum);
      byLabel.merge(r.getString(1), c, Long::sum);
      bestInPred.merge(r.getString(0), c, Math::max);
    }
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("documents", (double) n);
    if (n == 0) {
      out.put("nmi", Double.NaN);
      out.put("ari", Double.NaN);
      out.put("purity", Double.NaN);
      return out;
    }
    double hp = entropy(byPred.values(), n);
    double hl = entropy(byLabel.values(), n);
    double mi = 0;
    for (Row r : cells) {
      double c = r.getLong(2);
      mi += c / n * Math.log(c * n / ((double) byPred.get(r.getString(0)) * byLabel.get(r.getString(1))));
    }
    double mean = (hp + hl) / 2;
    out.put("nmi", mean == 0 ? 1.0 : Math.max(0, mi) / mean);
    double sumCells = 0;
    for (Row r : cells) {
      sumCells += pairs(r.getLong(2));
    }
    double sumPred = byPred.values().stream().mapToDouble(TopicMetrics::pairs).sum();
    double sumLabel = byLabel.values().stream().mapToDouble(TopicMetrics::pairs).sum();
    double expected = sumPred * sumLabel / pairs(n);
    double max = (sumPred + sumLabel) / 2;
    out.put("ari", max == expected ? 1.0 : (sumCells - expected) / (max - expected));
    out.put("purity", bestInPred.values().stream().mapToLong(Long::longValue).sum() / (double) n);
    out.put("clusters", (double) byPred.size());
    out.put("classes", (double) byLabel.size());
    return out;
  }

  private static double pairs(long c) {
    return c * (c - 1) / 2.0;
  }

  private static double entropy(Iterable<Long> counts, long n) {
    double h = 0;
    for (long c : counts) {
      if (c > 0) {
        double p = (double) c / n;
        h -= p * Math.log(p);
      }
    }
    return h;
  }

  /** Unique words among the first {@code n} of each topic, over n × topics. */
  public static double diversity(List<List<String>> topicWords, int n) {
    Set<String> unique = new HashSet<>();
    int total = 0;
    for (List<String> words : topicWords) {
      List<String> top = words.subList(0, Math.min(n, words.size()));
      unique.addAll(top);
      total += top.size();
    }
    return total == 0 ? Double.NaN : (double) unique.size() / total;
  }

  /**
   * NPMI coherence of each topic's words over the token sequences of {@code docs}.
   *
   * @param docs       one row per document with an ordered token array
   * @param tokensCol  the token column (the same analysis as the topic terms)
   * @param topicWords each topic's top words (usually 10)
   * @param window     sliding window length in tokens (gensim's c_npmi default is 10)
   * @return per topic, in order, its mean NPMI over word pairs (NaN for a topic with fewer than 2 words)
   */
  public static double[] npmi(Dataset<Row> docs, String tokensCol, List<List<String>> topicWords, int window) {
    if (window < 1) {
      throw new IllegalArgumentException("window must be at least 1 but was " + window);
    }
    Set<String> vocab = new HashSet<>();
    topicWords.forEach(vocab::addAll);
    var spark = docs.sparkSession();
    Dataset<Row> words = spark.createDataFrame(
        vocab.stream().sorted().map(w -> RowFactory.create(w)).toList(),
        new StructType().add("w", DataTypes.StringType, false));
    Column windows = greatest(lit(1), size(col("t")).minus(window - 1));
    Dataset<Row> withId = docs.select(monotonically_increasing_id().as("d"), col(tokensCol).as("t"))
        .filter(col("t").isNotNull());
    double totalWindows = withId.agg(sum(greatest(lit(1), size(col("t")).minus(window - 1)))).first()
        .getLong(0);
    // every occurrence of a relevant word opens the windows [max(0, p - window + 1), min(p, W - 1)]
    Dataset<Row> occ = withId.select(col("d"), windows.as("nw"),
            posexplode(col("t")).as(new String[] {"p", "w"}))
        .join(broadcast(words), "w")
        .select(col("d"), col("w"), explode(sequence(greatest(lit(0), col("p").minus(window - 1)),
            least(col("p"), col("nw").minus(1)))).as("s"))
        .distinct()
        .cache();
    Map<String, Long> single = new HashMap<>();
    for (Row r : occ.groupBy("w").agg(count(lit(1))).collectAsList()) {
      single.put(r.getString(0), r.getLong(1));
    }
    Dataset<Row> a = occ.select(col("d").as("d1"), col("s").as("s1"), col("w").as("w1"));
    Dataset<Row> b = occ.select(col("d").as("d2"), col("s").as("s2"), col("w").as("w2"));
    Set<String> wanted = new HashSet<>();
    for (List<String> ws : topicWords) {
      for (int i = 0; i < ws.size(); i++) {
        for (int j = i + 1; j < ws.size(); j++) {
          wanted.add(key(ws.get(i), ws.get(j)));
        }
      }
    }
    Dataset<Row> wantedDf = spark.createDataFrame(wanted.stream().sorted().map(k -> {
      String[] ab = k.split("\t", 2);
      return RowFactory.create(ab[0], ab[1]);
    }).toList(), new StructType().add("w1", DataTypes.StringType).add("w2", DataTypes.StringType));
    Map<String, Long> joint = new HashMap<>();
    for (Row r : a.join(b, col("d1").equalTo(col("d2")).and(col("s1").equalTo(col("s2")))
            .and(col("w1").lt(col("w2"))))
        .select(col("w1"), col("w2"))
        .join(broadcast(wantedDf), new String[] {"w1", "w2"})
        .groupBy("w1", "w2").agg(count(lit(1))).collectAsList()) {
      joint.put(key(r.getString(0), r.getString(1)), r.getLong(2));
    }
    occ.unpersist();
    double[] out = new double[topicWords.size()];
    for (int t = 0; t < topicWords.size(); t++) {
      List<String> ws = topicWords.get(t);
      double sumNpmi = 0;
      int pairsN = 0;
      for (int i = 0; i < ws.size(); i++) {
        for (int j = i + 1; j < ws.size(); j++) {
          long c1 = single.getOrDefault(ws.get(i), 0L);
          long c2 = single.getOrDefault(ws.get(j), 0L);
          long c12 = joint.getOrDefault(key(ws.get(i), ws.get(j)), 0L);
          sumNpmi += npmi(c1 / totalWindows, c2 / totalWindows, c12 / totalWindows);
          pairsN++;
        }
      }
      out[t] = pairsN == 0 ? Double.NaN : sumNpmi / pairsN;
    }
    return out;
  }

  /** gensim's normalised log-ratio for one pair of window probabilities. */
  static double npmi(double p1, double p2, double p12) {
    if (p1 == 0 || p2 == 0) {
      return 0;
    }
    double lr = Math.log((p12 + EPS) / (p1 * p2));
    return lr / -Math.log(p12 + EPS);
  }

  private static String key(String a, String b) {
    return a.compareTo(b) < 0 ? a + "\t" + b : b + "\t" + a;
  }

  /** Mean of the finite values (NaN when none). */
  public static double mean(double[] values) {
    double s = 0;
    int n = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        s += v;
        n++;
      }
    }
    return n == 0 ? Double.NaN : s / n;
  }
}
