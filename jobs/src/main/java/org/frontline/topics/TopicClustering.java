package org.frontline.topics;

import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.clustering.BisectingKMeans;
import org.apache.spark.ml.clustering.BisectingKMeansModel;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.clustering.LDA;
import org.apache.spark.ml.clustering.LDAModel;
import org.apache.spark.ml.linalg.DenseMatrix;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Fits one topic clustering of prepared document vectors and returns the stages that assign a topic:
 * the fitted model and a scorer that outputs {@code topic_index} and {@code topic_score}.
 * <ul>
 *   <li>{@code kmeans}: cosine k-means; in the driver ({@link #fitLocal}) when the fit sample is held there,
 *   else Spark's KMeans with cosine distance; {@code restarts} fits with seeds
 *   {@code seed+firstStart, seed+firstStart+1, ...} (run concurrently), the one with the lowest training cost
 *   is kept (k-means lands in a different local optimum per start; the lowest cost is the documented,
 *   label-free choice).</li>
 *   <li>{@code bisecting}: BisectingKMeans with cosine distance, restarts likewise.</li>
 *   <li>{@code lda}: online LDA on the term counts; one fit.</li>
 * </ul>
 */
public final class TopicClustering {
  private TopicClustering() {}

  public enum Algorithm {
    KMEANS, BISECTING, LDA;

    public static Algorithm parse(String s) {
      try {
        return valueOf(s.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown algorithm '" + s + "'; use kmeans, bisecting or lda");
      }
    }

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * @param vectorsCol the document vectors for kmeans / bisecting (L2-normalised)
   * @param countsCol  the term counts for LDA
   */
  public record Options(Algorithm algorithm, int k, long seed, int firstStart, int restarts, int maxIter,
                        String vectorsCol, String countsCol) {
    /** The starts {@code 0 .. restarts-1}. */
    public Options(Algorithm algorithm, int k, long seed, int restarts, int maxIter, String vectorsCol,
                   String countsCol) {
      this(algorithm, k, seed, 0, restarts, maxIter, vectorsCol, countsCol);
    }

    public Options {
      if (firstStart < 0) {
        throw new IllegalArgumentException("firstStart must be >= 0 but was " + firstStart);
      }
      if (k < 2) {
        throw new IllegalArgumentException("k must be at least 2 but was " + k);
      }
      if (restarts < 1) {
        throw new IllegalArgumentException("restarts must be at least 1 but was " + restarts);
      }
      if (maxIter < 1) {
        throw new IllegalArgumentException("maxIter must be at least 1 but was " + maxIter);
      }
    }
  }

  /**
   * The assigning stages and the fit's cost (k-means: sum of cosine distances; LDA: −log-likelihood bound);
   * for a fit in the driver also each fit document's topic index, in the sample's order (else null).
   */
  public record Fitted(List<Transformer> stages, double cost, int[] assignment) {
    public Fitted(List<Transformer> stages, double cost) {
      this(stages, cost, null);
    }
  }

  /**
   * Fits cosine k-means in the driver ({@link LocalKMeans}) on a sample held there: {@code restarts} starts
   * with seeds {@code seed+firstStart, ...}, run on one thread per core, the lowest cost kept (a tie to the
   * earlier start). The stages are a {@link NearestCentroid} and the scorer, reading {@code vectorsCol}.
   */
  public static Fitted fitLocal(FitSample docs, Options o) {
    if (o.algorithm() != Algorithm.KMEANS) {
      throw new IllegalArgumentException("only kmeans is fitted in the driver, not " + o.algorithm().id());
    }
    LocalKMeans.Result best = lowestCost(o.restarts(), Runtime.getRuntime().availableProcessors(), r -> {
      LocalKMeans.Result m = LocalKMeans.fit(docs.vectors(), o.k(), o.seed() + o.firstStart() + r, o.maxIter());
      return new Candidate<>(m, m.cost());
    });
    Matrix centers = matrix(best.centers());
    NearestCentroid nearest = new NearestCentroid().setCenters(centers).setFeaturesCol(o.vectorsCol())
        .setPredictionCol("topic_cluster");
    return new Fitted(List.of(nearest, new CentroidScorer().setCenters(centers).setFeaturesCol(o.vectorsCol())
        .setPredictionCol("topic_cluster")), best.cost(), best.assignment());
  }

  public static Fitted fit(Dataset<Row> docs, Options o) {
    switch (o.algorithm()) {
      case KMEANS: {
        KMeansModel best = lowestCost(o.restarts(), PARALLEL_STARTS, r -> {
          KMeansModel m = new KMeans().setK(o.k()).setSeed(o.seed() + o.firstStart() + r).setDistanceMeasure("cosine")
              .setMaxIter(o.maxIter()).setFeaturesCol(o.vectorsCol()).setPredictionCol("topic_cluster").fit(docs);
          return new Candidate<>(m, m.summary().trainingCost());
        });
        return new Fitted(List.of(best, scorer(best.clusterCenters(), o.vectorsCol())), best.summary().trainingCost());
      }
      case BISECTING: {
        BisectingKMeansModel best = lowestCost(o.restarts(), PARALLEL_STARTS, r -> {
          BisectingKMeansModel m = new BisectingKMeans().setK(o.k()).setSeed(o.seed() + r)
              .setDistanceMeasure("cosine").setMaxIter(o.maxIter()).setFeaturesCol(o.vectorsCol())
              .setPredictionCol("topic_cluster").fit(docs);
          return new Candidate<>(m, m.summary().trainingCost());
        });
        return new Fitted(List.of(best, scorer(best.clusterCenters(), o.vectorsCol())), best.summary().trainingCost());
      }
      case LDA: {
        LDAModel m = new LDA().setK(o.k()).setSeed(o.seed()).setOptimizer("online").setMaxIter(o.maxIter())
            .setFeaturesCol(o.countsCol()).setTopicDistributionCol("topic_distribution").fit(docs);
        double cost = -m.logLikelihood(docs);
        return new Fitted(List.of(m, new DistributionScorer().setDistributionCol("topic_distribution")), cost);
      }
      default:
        throw new IllegalStateException(o.algorithm().toString());
    }
  }

  private record Candidate<M>(M model, double cost) {}

  /**
   * Runs the restarts concurrently ({@code parallel} at a time; as Spark jobs, {@link #PARALLEL_STARTS}: on
   * small data a fit is mostly job overhead) and keeps the lowest cost; a tie goes to the earlier start, so
   * the choice does not depend on which finished first.
   */
  private static <M> M lowestCost(int restarts, int parallel, IntFunction<Candidate<M>> start) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(restarts, parallel)));
    try {
      List<Future<Candidate<M>>> futures = new ArrayList<>();
      for (int r = 0; r < restarts; r++) {
        int run = r;
        futures.add(pool.submit(() -> start.apply(run)));
      }
      Candidate<M> best = null;
      for (Future<Candidate<M>> f : futures) {
        Candidate<M> c = f.get();
        // costs within 1e-9 (relative) are a tie: the same optimum reached from two starts, whose costs differ
        // only by the order in which Spark summed the partitions' parts
        if (best == null || c.cost() < best.cost() - 1e-9 * Math.abs(best.cost())) {
          best = c;
        }
      }
      return best.model();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while fitting topics", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  static final int PARALLEL_STARTS = 4;

  private static CentroidScorer scorer(Vector[] centers, String vectorsCol) {
    double[][] rows = new double[centers.length][];
    for (int i = 0; i < centers.length; i++) {
      rows[i] = centers[i].toArray();
    }
    return new CentroidScorer().setCenters(matrix(rows)).setFeaturesCol(vectorsCol).setPredictionCol("topic_cluster");
  }

  /** Rows (clusters × dimensions) as a Spark matrix. */
  private static Matrix matrix(double[][] rows) {
    int k = rows.length;
    int d = rows[0].length;
    double[] values = new double[k * d]; // column-major
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < d; j++) {
        values[j * k + i] = rows[i][j];
      }
    }
    return new DenseMatrix(k, d, values);
  }
}
