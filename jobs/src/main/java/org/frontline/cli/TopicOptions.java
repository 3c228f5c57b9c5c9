package org.frontline.cli;

import org.frontline.topics.TopicClustering;
import org.frontline.topics.TopicsJob;
import picocli.CommandLine.Option;

/** Options of the topics stage, shared by {@code topics} and {@code run}. */
public final class TopicOptions {
  private static final TopicsJob.Options D = TopicsJob.Options.defaults();

  @Option(names = "--algorithm", defaultValue = TopicsJob.Options.DEFAULT_ALGORITHM, paramLabel = "NAME",
      description = "kmeans (cosine, on LSA-reduced TF-IDF), bisecting (BisectingKMeans, likewise) or lda (online,"
          + " on term counts); default: ${DEFAULT-VALUE}")
  String algorithm;

  @Option(names = "--k", paramLabel = "K",
      description = "number of topics; default: chosen over --k-range by the largest NPMI x diversity")
  Integer k;

  @Option(names = "--k-range", defaultValue = TopicsJob.Options.DEFAULT_K_RANGE, paramLabel = "MIN:MAX:STEP",
      description = "the candidate k when --k is not given (default: ${DEFAULT-VALUE})")
  String kRange;

  @Option(names = "--seed", defaultValue = "" + TopicsJob.Options.DEFAULT_SEED, paramLabel = "N",
      description = "random seed of the fit: the same input and seed give the same topics (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--restarts", defaultValue = "" + TopicsJob.Options.DEFAULT_RESTARTS, paramLabel = "N",
      description = "k-means starts (seed, seed+1, ...); the lowest cost wins (default: ${DEFAULT-VALUE})")
  int restarts;

  @Option(names = "--dims", defaultValue = "" + TopicsJob.Options.DEFAULT_DIMS, paramLabel = "N",
      description = "LSA dimensions for kmeans/bisecting, 0 for none (default: ${DEFAULT-VALUE})")
  int dims;

  @Option(names = "--vocab-size", defaultValue = "" + TopicsJob.Options.DEFAULT_VOCAB_SIZE, paramLabel = "N",
      description = "most frequent terms kept (default: ${DEFAULT-VALUE})")
  int vocabSize;

  @Option(names = "--min-df", defaultValue = "" + TopicsJob.Options.DEFAULT_MIN_DF, paramLabel = "N",
      description = "a term must be in at least N documents (or this fraction, below 1; default: ${DEFAULT-VALUE})")
  double minDf;

  @Option(names = "--max-df", defaultValue = "" + TopicsJob.Options.DEFAULT_MAX_DF, paramLabel = "FRACTION",
      description = "and in at most this fraction of them (default: ${DEFAULT-VALUE})")
  double maxDf;

  @Option(names = "--max-fit-docs", defaultValue = "" + TopicsJob.Options.DEFAULT_MAX_FIT_DOCS, paramLabel = "N",
      description = "fit on at most N articles (a fixed hash sample); all are assigned (default: ${DEFAULT-VALUE})")
  long maxFitDocs;

  @Option(names = "--refit",
      description = "fit a new model even if the lake has one; its topics keep the ids of the topics they match")
  boolean refit;

  @Option(names = "--match-threshold", defaultValue = "" + TopicsJob.Options.DEFAULT_MATCH_THRESHOLD,
      paramLabel = "COSINE", description = "least term-vector similarity for a refitted topic to keep an earlier id"
          + " (default: ${DEFAULT-VALUE})")
  double matchThreshold;

  TopicsJob.Options toOptions() {
    String[] r = kRange.split(":");
    if (r.length != 3) {
      throw new IllegalArgumentException("--k-range must look like 5:30:5, not '" + kRange + "'");
    }
    int[] v = new int[3];
    for (int i = 0; i < 3; i++) {
      try {
        v[i] = Integer.parseInt(r[i].strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--k-range must look like 5:30:5, not '" + kRange + "'");
      }
    }
    if (k != null && k < 2) {
      throw new IllegalArgumentException("--k must be at least 2, not " + k);
    }
    return new TopicsJob.Options(TopicClustering.Algorithm.parse(algorithm), k, v[0], v[1], v[2], seed, restarts,
        D.maxIter(), dims, vocabSize, minDf, maxDf, maxFitDocs, refit, matchThreshold);
  }
}
