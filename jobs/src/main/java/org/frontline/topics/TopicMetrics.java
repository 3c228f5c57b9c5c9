package org.frontline.topics;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.collection.Seq;
import scala.jdk.javaapi.CollectionConverters;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

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
    NpmiPlan plan = new NpmiPlan(topicWords, window);
    WindowCounts counter = plan.counter;
    StructType slotType = new StructType().add("slot", DataTypes.IntegerType, false)
        .add("n", DataTypes.LongType, false);
    UserDefinedFunction countsOf = udf((UDF1<Seq<String>, List<Row>>) t -> {
      List<Row> out = new ArrayList<>();
      if (t != null) {
        for (long[] c : counter.count(CollectionConverters.asJava(t))) {
          out.add(RowFactory.create((int) c[0], c[1]));
        }
      }
      return out;
    }, DataTypes.createArrayType(slotType, false));
    // one pass: every document's non-zero counts, summed per slot (a few hundred rows reach the driver)
    for (Row r : docs.select(explode(countsOf.apply(col(tokensCol))).as("c"))
        .groupBy(col("c.slot").as("slot")).agg(sum(col("c.n")).as("n")).collectAsList()) {
      plan.add(r.getInt(0), r.getLong(1));
    }
    return plan.perTopic();
  }

  /** As {@link #npmi(Dataset, String, List, int)}, over token sequences held in the driver. */
  public static double[] npmi(Iterable<? extends Iterable<String>> docs, List<List<String>> topicWords, int window) {
    NpmiPlan plan = new NpmiPlan(topicWords, window);
    for (Iterable<String> doc : docs) {
      for (long[] c : plan.counter.count(doc)) {
        plan.add((int) c[0], c[1]);
      }
    }
    return plan.perTopic();
  }

  /** The words and pairs whose windows NPMI counts, the counts summed so far, and the per-topic means. */
  private static final class NpmiPlan {
    private final List<List<String>> topicWords;
    private final List<String> words;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> pairIndex = new TreeMap<>();
    private final WindowCounts counter;
    private final long[] total;
    private double totalWindows;

    NpmiPlan(List<List<String>> topicWords, int window) {
      if (window < 1) {
        throw new IllegalArgumentException("window must be at least 1 but was " + window);
      }
      this.topicWords = topicWords;
      TreeSet<String> vocab = new TreeSet<>();
      topicWords.forEach(vocab::addAll);
      words = new ArrayList<>(vocab);
      for (String w : words) {
        index.put(w, index.size());
      }
      for (List<String> ws : topicWords) {
        for (int i = 0; i < ws.size(); i++) {
          for (int j = i + 1; j < ws.size(); j++) {
            if (!ws.get(i).equals(ws.get(j))) {
              pairIndex.putIfAbsent(key(ws.get(i), ws.get(j)), 0);
            }
          }
        }
      }
      List<int[]> pairs = new ArrayList<>();
      for (Map.Entry<String, Integer> e : pairIndex.entrySet()) {
        String[] ab = e.getKey().split("\t", 2);
        e.setValue(pairs.size());
        pairs.add(new int[] {index.get(ab[0]), index.get(ab[1])});
      }
      counter = new WindowCounts(words, pairs, window);
      total = new long[words.size() + pairs.size()];
    }

    void add(int slot, long n) {
      if (slot == WindowCounts.WINDOWS) {
        totalWindows += n;
      } else {
        total[slot] += n;
      }
    }

    double[] perTopic() {
      double[] out = new double[topicWords.size()];
      for (int t = 0; t < topicWords.size(); t++) {
        List<String> ws = topicWords.get(t);
        double sumNpmi = 0;
        int pairsN = 0;
        for (int i = 0; i < ws.size(); i++) {
          for (int j = i + 1; j < ws.size(); j++) {
            long c1 = total[index.get(ws.get(i))];
            long c2 = total[index.get(ws.get(j))];
            Integer p = pairIndex.get(key(ws.get(i), ws.get(j)));
            long c12 = p == null ? 0 : total[words.size() + p]; // a word paired with itself: no pair
            sumNpmi += npmi(c1 / totalWindows, c2 / totalWindows, c12 / totalWindows);
            pairsN++;
          }
        }
        out[t] = pairsN == 0 ? Double.NaN : sumNpmi / pairsN;
      }
      return out;
    }
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
