package org.frontline.topics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Cosine k-means of dense vectors held in the driver, one start, by the algorithm Spark's {@code KMeans}
 * runs as distributed jobs: k-means|| seeding (Bahmani et al. 2012, "Scalable k-means++": one random vector,
 * then {@link #INIT_STEPS} rounds that each keep every vector with probability {@code 2k × distance / total
 * distance}; the distinct candidates, weighted by the vectors closest to each, are reduced to k by weighted
 * k-means++ and {@link #CANDIDATE_ITERATIONS} Lloyd iterations), then Lloyd iterations (each vector to its
 * most similar centre, each centre the normalised sum of its vectors) until no centre moves by more than
 * {@link #EPSILON} (cosine distance) or {@code maxIter} iterations. The distance is {@code 1 − cos}; the cost
 * is its sum. When the seeding finds fewer distinct candidates than k, there are fewer centres.
 *
 * <p>A topic model's fit sample is small (by default at most 50,000 documents × 50 dimensions, about 20 MB;
 * {@link FitSample#MAX_VALUES} at most): as Spark jobs, one start costs thousands of tasks of overhead; here it
 * is a few array loops. The input is only read (concurrent starts share it). Same vectors, k and
 * seed: the same result.
 */
public final class LocalKMeans {
  private LocalKMeans() {}

  /** Oversampling rounds of the k-means|| seeding (Spark's default {@code initSteps}). */
  public static final int INIT_STEPS = 2;
  /** Lloyd iterations that refine the weighted candidates into the k first centres. */
  public static final int CANDIDATE_ITERATIONS = 30;
  /** Converged when no centre moves by more than this cosine distance (Spark's default {@code tol}). */
  public static final double EPSILON = 1e-4;

  /** The centres (unit vectors, clusters × dimensions), each vector's cluster, the cost and the iterations run. */
  public record Result(double[][] centers, int[] assignment, double cost, int iterations) {}

  /**
   * @param x       the vectors (rows of equal length; normalised here, a zero row stays zero)
   * @param k       clusters, at least 1 and at most the number of vectors
   * @param seed    the seeding's random seed
   * @param maxIter at most this many Lloyd iterations
   */
  public static Result fit(double[][] x, int k, long seed, int maxIter) {
    if (k < 1 || k > x.length) {
      throw new IllegalArgumentException("k must be between 1 and the " + x.length + " vectors but was " + k);
    }
    if (maxIter < 1) {
      throw new IllegalArgumentException("maxIter must be at least 1 but was " + maxIter);
    }
    double[][] u = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      u[i] = unit(x[i]);
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[][] centers = seed(u, k, random);
    int iterations = 0;
    boolean converged = false;
    while (!converged && iterations < maxIter) {
      int[] assignment = assign(u, centers);
      double[][] next = update(u, null, assignment, centers, null);
      converged = true;
      for (int c = 0; c < centers.length; c++) {
        converged &= 1 - dot(centers[c], next[c]) <= EPSILON;
      }
      centers = next;
      iterations++;
    }
    int[] assignment = assign(u, centers);
    double cost = 0;
    for (int i = 0; i < u.length; i++) {
      cost += 1 - dot(u[i], centers[assignment[i]]);
    }
    return new Result(centers, assignment, cost, iterations);
  }

  /** k-means||: oversampled candidates, weighted by their closest vectors, reduced to k centres. */
  private static double[][] seed(double[][] u, int k, SplittableRandom random) {
    int n = u.length;
    List<double[]> candidates = new ArrayList<>();
    candidates.add(u[random.nextInt(n)]);
    double[] cost = new double[n];
    Arrays.fill(cost, Double.POSITIVE_INFINITY);
    int fresh = 0;
    for (int step = 0; step < INIT_STEPS; step++) {
      double total = 0;
      for (int i = 0; i < n; i++) {
        for (int c = fresh; c < candidates.size(); c++) {
          cost[i] = Math.min(cost[i], distance(u[i], candidates.get(c)));
        }
        total += cost[i];
      }
      fresh = candidates.size();
      for (int i = 0; i < n; i++) {
        if (random.nextDouble() < 2.0 * cost[i] * k / total) {
          candidates.add(u[i]);
        }
      }
    }
    double[][] distinct = distinct(candidates);
    if (distinct.length <= k) {
      return copies(distinct);
    }
    double[] weights = new double[distinct.length];
    for (int a : assign(u, distinct)) {
      weights[a]++;
    }
    return weightedPlusPlus(distinct, weights, k, random);
  }

  /** Weighted k-means++ over the candidates, then Lloyd iterations on them (an emptied centre re-seeded). */
  private static double[][] weightedPlusPlus(double[][] points, double[] weights, int k, SplittableRandom random) {
    double[][] centers = new double[k][];
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    centers[0] = points[draw(weights, total, random)];
    double[] cost = new double[points.length];
    for (int j = 0; j < points.length; j++) {
      cost[j] = distance(points[j], centers[0]);
    }
    double[] weighted = new double[points.length];
    for (int c = 1; c < k; c++) {
      double sum = 0;
      for (int j = 0; j < points.length; j++) {
        weighted[j] = weights[j] * cost[j];
        sum += weighted[j];
      }
      centers[c] = points[draw(weighted, sum, random)];
      for (int j = 0; j < points.length; j++) {
        cost[j] = Math.min(cost[j], distance(points[j], centers[c]));
      }
    }
    centers = copies(centers);
    int[] assignment = null;
    for (int it = 0; it < CANDIDATE_ITERATIONS; it++) {
      int[] next = assign(points, centers);
      if (Arrays.equals(next, assignment)) {
        break;
      }
      assignment = next;
      centers = update(points, weights, assignment, centers, random);
    }
    return centers;
  }

  private static double[][] distinct(List<double[]> vectors) {
    List<double[]> out = new ArrayList<>();
    Set<List<Double>> seen = new HashSet<>();
    for (double[] v : vectors) {
      if (seen.add(Arrays.stream(v).boxed().toList())) {
        out.add(v);
      }
    }
    return out.toArray(new double[0][]);
  }

  private static double[][] copies(double[][] rows) {
    double[][] out = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = rows[i].clone();
    }
    return out;
  }

  /** An index drawn with probability ∝ weight (uniformly when every weight is 0). */
  private static int draw(double[] weights, double total, SplittableRandom random) {
    if (total <= 0) {
      return random.nextInt(weights.length);
    }
    double r = random.nextDouble() * total;
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i];
      if (r < sum) {
        return i;
      }
    }
    return weights.length - 1;
  }

  /** Each vector's most similar centre (a tie to the lower index). */
  private static int[] assign(double[][] u, double[][] centers) {
    int[] assignment = new int[u.length];
    for (int i = 0; i < u.length; i++) {
      double bestSim = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < centers.length; c++) {
        double s = dot(u[i], centers[c]);
        if (s > bestSim) {
          bestSim = s;
          assignment[i] = c;
        }
      }
    }
    return assignment;
  }

  /**
   * The normalised (weighted) sum of each cluster's vectors. A cluster left empty keeps its centre, or, with a
   * {@code random}, takes a random vector.
   */
  private static double[][] update(double[][] u, double[] weights, int[] assignment, double[][] centers,
                                   SplittableRandom random) {
    int d = u[0].length;
    double[][] sums = new double[centers.length][d];
    double[] sizes = new double[centers.length];
    for (int i = 0; i < u.length; i++) {
      double w = weights == null ? 1 : weights[i];
      double[] s = sums[assignment[i]];
      for (int j = 0; j < d; j++) {
        s[j] += w * u[i][j];
      }
      sizes[assignment[i]] += w;
    }
    for (int c = 0; c < centers.length; c++) {
      sums[c] = sizes[c] > 0 ? unit(sums[c]) : random == null ? centers[c] : u[random.nextInt(u.length)].clone();
    }
    return sums;
  }

  private static double distance(double[] a, double[] b) {
    return Math.max(0, 1 - dot(a, b));
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      s += a[j] * b[j];
    }
    return s;
  }

  private static double[] unit(double[] v) {
    double norm = Math.sqrt(dot(v, v));
    double[] out = new double[v.length];
    for (int j = 0; j < v.length && norm > 0; j++) {
      out[j] = v[j] / norm;
    }
    return out;
  }
}
