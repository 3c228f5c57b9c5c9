package org.frontline.topics;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.CountVectorizer;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.feature.NGram;
import org.apache.spark.ml.feature.Normalizer;
import org.apache.spark.ml.feature.SQLTransformer;

/**
 * The topic features as one Spark ML {@link Pipeline}: text → {@link NewsTokenizer} → bigrams ({@link NGram}:
 * "air defence", "peace talks") → unigrams and bigrams together → {@link CountVectorizer} with a bounded
 * vocabulary and minimum / maximum document frequency → {@link IDF} → L2 {@link Normalizer}. Column names:
 * {@code tokens}, {@code bigrams}, {@code terms}, {@code tf}, {@code tfidf}, {@code features}.
 */
public final class TopicFeatures {
  private TopicFeatures() {}

  /**
   * @param inputCol   the text column
   * @param vocabSize  most frequent terms kept
   * @param minDf      a term must occur in at least this many documents (or this fraction, when below 1)
   * @param maxDf      and in at most this fraction of them (1.0: no upper bound)
   * @param bigrams    whether two-word terms join the vocabulary
   */
  public record Options(String inputCol, int vocabSize, double minDf, double maxDf, boolean bigrams) {
    public Options {
      if (vocabSize < 1) {
        throw new IllegalArgumentException("vocabSize must be at least 1 but was " + vocabSize);
      }
      if (minDf < 0) {
        throw new IllegalArgumentException("minDf must be >= 0 but was " + minDf);
      }
      if (maxDf <= 0 || maxDf > 1) {
        throw new IllegalArgumentException("maxDf must be a fraction in (0, 1] but was " + maxDf);
      }
    }

    public static Options defaults() {
      return new Options("text", 20_000, 5, 0.5, true);
    }
  }

  public static Pipeline pipeline(Options o) {
    NewsTokenizer tokenizer = new NewsTokenizer().setInputCol(o.inputCol()).setOutputCol("tokens");
    NGram bigrams = new NGram().setN(2).setInputCol("tokens").setOutputCol("bigrams");
    SQLTransformer terms = new SQLTransformer().setStatement(o.bigrams()
        ? "SELECT *, concat(tokens, bigrams) AS terms FROM __THIS__"
        : "SELECT *, tokens AS terms FROM __THIS__");
    CountVectorizer tf = new CountVectorizer().setInputCol("terms").setOutputCol("tf")
        .setVocabSize(o.vocabSize()).setMinDF(o.minDf())
        // Spark reads a maxDF of 1 or more as a count of documents: 1.0 ("every document") is no bound at all
        .setMaxDF(o.maxDf() >= 1 ? Long.MAX_VALUE : o.maxDf());
    IDF idf = new IDF().setInputCol("tf").setOutputCol("tfidf");
    Normalizer l2 = new Normalizer().setInputCol("tfidf").setOutputCol("features").setP(2.0);
    return new Pipeline().setStages(new PipelineStage[] {tokenizer, bigrams, terms, tf, idf, l2});
  }
}
