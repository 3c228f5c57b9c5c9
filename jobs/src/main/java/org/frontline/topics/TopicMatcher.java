package org.frontline.topics;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Keeps a topic's id meaning the same thing across refits. Each topic is a weighted term vector (its
 * c-TF-IDF terms); new and known topics are compared by cosine similarity and paired one-to-one so that
 * the total similarity is the largest possible (the Hungarian algorithm, O(n³) on at most a few hundred
 * topics). A pair below {@code threshold} is no match: the new topic gets a fresh id, greater than every id
 * ever issued, so the id of a topic that vanished is never given to a different topic.
 */
public final class TopicMatcher {
  private TopicMatcher() {}

  /** Cosine similarity of two sparse term-weight vectors. */
  public static double cosine(Map<String, Double> a, Map<String, Double> b) {
    double dot = 0;
    for (var e : a.entrySet()) {
      Double w = b.get(e.getKey());
      if (w != null) {
        dot += e.getValue() * w;
      }
    }
    double na = norm(a);
    double nb = norm(b);
    return na == 0 || nb == 0 ? 0 : dot / (na * nb);
  }

  private static double norm(Map<String, Double> v) {
    double s = 0;
    for (double w : v.values()) {
      s += w * w;
    }
    return Math.sqrt(s);
  }

  /**
   * @param fresh     the new topics' term vectors, by new topic index
   * @param known     the known topics' term vectors
   * @param knownIds  their ids, in the same order
   * @param nextId    the smallest id never issued
   * @param threshold the least similarity for a match
   * @return one id per new topic
   */
  public static int[] match(List<Map<String, Double>> fresh, List<Map<String, Double>> known, List<Integer> knownIds,
                            int nextId, double threshold) {
    if (known.size() != knownIds.size()) {
      throw new IllegalArgumentException("known topics and ids differ in length");
    }
    double[][] sim = new double[fresh.size()][known.size()];
    for (int i = 0; i < fresh.size(); i++) {
      for (int j = 0; j < known.size(); j++) {
        sim[i][j] = cosine(fresh.get(i), known.get(j));
      }
    }
    int[] pair = maximumAssignment(sim);
    int[] ids = new int[fresh.size()];
    int next = nextId;
    for (int i = 0; i < fresh.size(); i++) {
      int j = pair[i];
      ids[i] = j >= 0 && sim[i][j] >= threshold ? knownIds.get(j) : next++;
    }
    return ids;
  }

  /**
   * The one-to-one pairing of rows to columns with the largest total weight (rows or columns may be left
   * unpaired when the matrix is not square). Returns, per row, its column or −1.
   */
  public static int[] maximumAssignment(double[][] weight) {
    int rows = weight.length;
    int cols = rows == 0 ? 0 : weight[0].length;
    int n = Math.max(rows, cols);
    int[] out = new int[rows];
    Arrays.fill(out, -1);
    if (rows == 0 || cols == 0) {
      return out;
    }
    double max = 0;
    for (double[] r : weight) {
      for (double w : r) {
        max = Math.max(max, w);
      }
    }
    // minimise cost = max − weight on an n × n matrix padded with max (pairing with padding gains nothing)
    double[][] cost = new double[n + 1][n + 1];
    for (int i = 1; i <= n; i++) {
      for (int j = 1; j <= n; j++) {
        cost[i][j] = i <= rows && j <= cols ? max - weight[i - 1][j - 1] : max;
      }
    }
    double[] u = new double[n + 1];
    double[] v = new double[n + 1];
    int[] p = new int[n + 1];
    int[] way = new int[n + 1];
    for (int i = 1; i <= n; i++) {
      p[0] = i;
      int j0 = 0;
      double[] minv = new double[n + 1];
      Arrays.fill(minv, Double.POSITIVE_INFINITY);
      boolean[] used = new boolean[n + 1];
      do {
        used[j0] = true;
        int i0 = p[j0];
        double delta = Double.POSITIVE_INFINITY;
        int j1 = 0;
        for (int j = 1; j <= n; j++) {
          if (!used[j]) {
            double cur = cost[i0][j] - u[i0] - v[j];
            if (cur < minv[j]) {
              minv[j] = cur;
              way[j] = j0;
            }
            if (minv[j] < delta) {
              delta = minv[j];
              j1 = j;
            }
          }
        }
        for (int j = 0; j <= n; j++) {
          if (used[j]) {
            u[p[j]] += delta;
            v[j] -= delta;
          } else {
            minv[j] -= delta;
          }
        }
        j0 = j1;
      } while (p[j0] != 0);
      do {
        int j1 = way[j0];
        p[j0] = p[j1];
        j0 = j1;
      } while (j0 != 0);
    }
    for (int j = 1; j <= n; j++) {
      int i = p[j];
      if (i >= 1 && i <= rows && j <= cols) {
        out[i - 1] = j - 1;
      }
    }
    return out;
  }
}
