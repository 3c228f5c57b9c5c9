package org.frontline.topics;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.lapack.LAPACK;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.mllib.linalg.SparseVector;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.util.StatCounter;
import org.netlib.util.intW;

import java.util.Arrays;
import java.util.Collections;
import java.util.Random;

/**
 * The strongest right singular vectors of a distributed matrix (one row per document) by randomized subspace
 * iteration with a Rayleigh–Ritz step (Halko, Martinsson and Tropp 2011, "Finding structure with
 * randomness", algorithms 4.4 and 5.3): a seeded Gaussian block of {@code k + oversampling} columns is
 * multiplied by {@code AᵀA} once per pass and re-orthonormalised (Householder QR); after the last pass the
 * small matrix {@code QᵀAᵀAQ} is decomposed on the driver. A pass is one Spark job, so a fit costs a handful
 * of jobs where ARPACK's Lanczos needs one per iteration (about 200 for 50 vectors of a 10,000-term matrix).
 *
 * <p>The partial sums of {@code AᵀAQ} are added as fixed-point integers (the scale comes from a bound on
 * their size), so the result does not depend on the order in which Spark merges the partitions: the same
 * rows in the same partitions give the same vectors to the last bit.
 */
final class RandomizedSvd {
  private RandomizedSvd() {}

  /**
   * @param v      terms × k, column-major: the right singular vectors, strongest first
   * @param values the k singular values, largest first
   */
  record Result(double[] v, double[] values) {}

  /**
   * @param rows         the matrix rows, cached by the caller (every pass reads them)
   * @param terms        number of columns
   * @param k            singular vectors wanted
   * @param oversampling extra columns of the random block (more: more accurate per pass)
   * @param passes       multiplications by {@code AᵀA}, at least 1
   */
  static Result compute(JavaRDD<Vector> rows, int terms, int k, int oversampling, int passes, long seed) {
    if (k < 1 || k > terms) {
      throw new IllegalArgumentException("k must be in [1, " + terms + "] but was " + k);
    }
    if (oversampling < 0 || passes < 1) {
      throw new IllegalArgumentException("oversampling must be >= 0 and passes >= 1 but were "
          + oversampling + " and " + passes);
    }
    int l = Math.min(terms, k + oversampling);
    // every entry of AᵀAQ, Q orthonormal, is at most Σ‖row‖² ≤ rows × max‖row‖² in size: count and max are exact
    StatCounter norms = rows.mapToDouble(RandomizedSvd::squaredNorm).stats();
    double bound = Math.max(1.0, norms.count() * norms.max());
    double scale = Math.scalb(1.0, 61 - Math.getExponent(bound) - 1);
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(rows.context());

    Random random = new Random(seed);
    double[] q = new double[terms * l]; // column-major
    for (int i = 0; i < q.length; i++) {
      q[i] = random.nextGaussian();
    }
    orthonormalize(q, terms, l);
    double[] z = null;
    for (int pass = 1; pass <= passes; pass++) {
      if (z != null) {
        System.arraycopy(z, 0, q, 0, z.length);
        orthonormalize(q, terms, l);
      }
      z = gramianTimes(jsc, rows, q, terms, l, scale);
    }
    // Rayleigh–Ritz: the eigenvectors of QᵀAᵀAQ (l × l) rotate Q onto the singular directions
    double[] b = new double[l * l];
    BLAS.getInstance().dgemm("T", "N", l, l, terms, 1.0, q, terms, z, terms, 0.0, b, l);
    for (int i = 0; i < l; i++) {
      for (int j = 0; j < i; j++) {
        double m = (b[i * l + j] + b[j * l + i]) / 2;
        b[i * l + j] = m;
        b[j * l + i] = m;
      }
    }
    double[] eigenvalues = symmetricEigen(b, l); // ascending; b now holds the eigenvectors
    double[] w = new double[l * k];
    double[] values = new double[k];
    for (int c = 0; c < k; c++) {
      int from = l - 1 - c;
      System.arraycopy(b, from * l, w, c * l, l);
      values[c] = Math.sqrt(Math.max(0.0, eigenvalues[from]));
    }
    double[] v = new double[terms * k];
    BLAS.getInstance().dgemm("N", "N", terms, k, l, 1.0, q, terms, w, l, 0.0, v, terms);
    return new Result(v, values);
  }

  /** {@code AᵀA·Q} in one Spark job: per row y = row·Q, then rowᵀ·y is added; partitions add up exactly. */
  private static double[] gramianTimes(JavaSparkContext jsc, JavaRDD<Vector> rows, double[] qColumnMajor,
                                       int terms, int l, double scale) {
    double[] rowMajor = transpose(qColumnMajor, terms, l);
    Broadcast<double[]> qb = jsc.broadcast(rowMajor);
    try {
      long[] sum = rows.mapPartitions(it -> {
        double[] qr = qb.value();
        double[] z = new double[terms * l];
        double[] y = new double[l];
        while (it.hasNext()) {
          SparseVector s = it.next().toSparse();
          int[] idx = s.indices();
          double[] val = s.values();
          Arrays.fill(y, 0.0);
          for (int t = 0; t < idx.length; t++) {
            int base = idx[t] * l;
            double a = val[t];
            for (int j = 0; j < l; j++) {
              y[j] += a * qr[base + j];
            }
          }
          for (int t = 0; t < idx.length; t++) {
            int base = idx[t] * l;
            double a = val[t];
            for (int j = 0; j < l; j++) {
              z[base + j] += a * y[j];
            }
          }
        }
        long[] fixed = new long[z.length];
        for (int i = 0; i < z.length; i++) {
          fixed[i] = Math.round(z[i] * scale);
        }
        return Collections.singletonList(fixed).iterator();
      }).treeReduce((a, b) -> {
        for (int i = 0; i < a.length; i++) {
          a[i] += b[i];
        }
        return a;
      });
      double[] zr = new double[sum.length];
      for (int i = 0; i < sum.length; i++) {
        zr[i] = sum[i] / scale;
      }
      return transpose(zr, l, terms);
    } finally {
      qb.destroy();
    }
  }

  private static double squaredNorm(Vector v) {
    double s = 0;
    for (double x : v.toSparse().values()) {
      s += x * x;
    }
    return s;
  }

  /** {@code rows × cols} column-major in, the same matrix row-major (i.e. its transpose column-major) out. */
  static double[] transpose(double[] a, int rows, int cols) {
    double[] t = new double[a.length];
    for (int c = 0; c < cols; c++) {
      for (int r = 0; r < rows; r++) {
        t[r * cols + c] = a[c * rows + r];
      }
    }
    return t;
  }

  /** Replaces the {@code rows × cols} column-major matrix by an orthonormal basis of its columns (LAPACK QR). */
  static void orthonormalize(double[] a, int rows, int cols) {
    LAPACK lapack = LAPACK.getInstance();
    double[] tau = new double[cols];
    intW info = new intW(0);
    double[] query = new double[1];
    lapack.dgeqrf(rows, cols, a, rows, tau, query, -1, info);
    double[] work = new double[Math.max(1, (int) query[0])];
    lapack.dgeqrf(rows, cols, a, rows, tau, work, work.length, info);
    check("dgeqrf", info);
    lapack.dorgqr(rows, cols, cols, a, rows, tau, query, -1, info);
    work = new double[Math.max(work.length, (int) query[0])];
    lapack.dorgqr(rows, cols, cols, a, rows, tau, work, work.length, info);
    check("dorgqr", info);
  }

  /** Eigenvalues (ascending) of the symmetric {@code n × n} column-major matrix; its eigenvectors replace it. */
  static double[] symmetricEigen(double[] a, int n) {
    LAPACK lapack = LAPACK.getInstance();
    double[] w = new double[n];
    intW info = new intW(0);
    double[] query = new double[1];
    lapack.dsyev("V", "U", n, a, n, w, query, -1, info);
    double[] work = new double[Math.max(1, (int) query[0])];
    lapack.dsyev("V", "U", n, a, n, w, work, work.length, info);
    check("dsyev", info);
    return w;
  }

  private static void check(String routine, intW info) {
    if (info.val != 0) {
      throw new IllegalStateException("LAPACK " + routine + " failed with info=" + info.val);
    }
  }
}
