package org.frontline.topics;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;

/**
 * The label-free quality of a topic assignment, as the literature measures it: each topic's top words are
 * its class-based TF-IDF words among the model's single-word vocabulary; coherence is the mean NPMI of each
 * topic's top 10 (gensim {@code c_npmi}, sliding window of 10 over the documents' vocabulary tokens);
 * diversity is the share of unique words among the top 25 of all topics; quality is their product
 * (Dieng, Ruiz and Blei, 2020), the criterion that chooses k when none is given.
 */
public final class TopicQuality {
  private TopicQuality() {}

  public static final int COHERENCE_WORDS = 10;
  public static final int DIVERSITY_WORDS = 25;
  public static final int WINDOW = 10;

  /** The measures and, per topic (in {@code ids} order), its top words and NPMI. */
  public record Result(int topics, double npmi, double diversity, double quality, List<Object> ids,
                       List<List<String>> topWords, double[] npmiPerTopic) {}

  /**
   * @param docs      one row per document: {@code topicCol} and {@code tokensCol} (vocabulary tokens in order)
   * @param unigrams  the model's single-word vocabulary
   */
  public static Result measure(Dataset<Row> docs, String topicCol, String tokensCol, Vocabulary unigrams) {
    return measure(docs, topicCol, tokensCol, TopicTerms.distinctive(docs.select(col(topicCol), col(tokensCol)),
        topicCol, tokensCol, DIVERSITY_WORDS, unigrams.table(docs.sparkSession())));
  }

  /**
   * As {@link #measure(Dataset, String, String, Vocabulary)}, the top words from each document's term-count
   * vector {@code countsCol} (the model's CountVectorizer output, whose vocabulary {@code unigrams} was made
   * from): the same words, without a row per token.
   */
  public static Result measure(Dataset<Row> docs, String topicCol, String tokensCol, String countsCol,
                               Vocabulary unigrams) {
    return measure(docs, topicCol, tokensCol, TopicTerms.distinctiveFromCounts(docs, topicCol, countsCol, unigrams,
        DIVERSITY_WORDS));
  }

  /**
   * As {@link #measure(Dataset, String, String, String, Vocabulary)}, for a fit sample held in the driver and
   * each document's topic index: the same measures, without a Spark job.
   */
  public static Result measure(FitSample docs, int[] topicOf, int topics, Vocabulary unigrams) {
    List<Object> ids = new ArrayList<>();
    List<List<String>> top = new ArrayList<>();
    List<List<String>> top10 = new ArrayList<>();
    for (TopicTerms.Ranked r : TopicTerms.distinctive(docs, topicOf, topics, unigrams, DIVERSITY_WORDS)) {
      ids.add(r.topic());
      top.add(r.terms());
      top10.add(r.terms().subList(0, Math.min(COHERENCE_WORDS, r.terms().size())));
    }
    List<List<String>> tokens = new ArrayList<>(docs.size());
    for (int d = 0; d < docs.size(); d++) {
      tokens.add(docs.tokens(d));
    }
    return result(ids, top, top10, TopicMetrics.npmi(tokens, top10, WINDOW));
  }

  private static Result measure(Dataset<Row> docs, String topicCol, String tokensCol, Dataset<Row> distinctive) {
    List<Row> terms = distinctive.orderBy(topicCol).collectAsList();
    List<List<String>> top = new ArrayList<>();
    List<List<String>> top10 = new ArrayList<>();
    List<Object> ids = new ArrayList<>();
    for (Row r : terms) {
      ids.add(r.get(0));
      List<String> words = new ArrayList<>();
      for (Object o : r.getList(r.fieldIndex("terms"))) {
        words.add(((Row) o).getString(0));
      }
      top.add(words);
      top10.add(words.subList(0, Math.min(COHERENCE_WORDS, words.size())));
    }
    return result(ids, top, top10, TopicMetrics.npmi(docs.select(col(tokensCol)), tokensCol, top10, WINDOW));
  }

  private static Result result(List<Object> ids, List<List<String>> top, List<List<String>> top10,
                               double[] perTopic) {
    double npmi = TopicMetrics.mean(perTopic);
    double diversity = TopicMetrics.diversity(top, DIVERSITY_WORDS);
    return new Result(top.size(), npmi, diversity, npmi * diversity, ids, top, perTopic);
  }
}
