package org.frontline.topics;

import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.frontline.ingest.FieldMapper;
import org.frontline.lake.Lake;
import org.frontline.lake.Tables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.apache.spark.sql.functions.*;

/**
 * {@code eval topics}: the lake's current topics measured against gold labels (NMI, ARI, purity) and on
 * the corpus itself ({@link TopicQuality}: NPMI, diversity). Gold labels are one column of the input files:
 * by default the files the lake's articles came from (their {@code source_file}), or a given file; rows are
 * joined to articles by the same id column ingest used.
 */
public final class TopicEval {
  private TopicEval() {}

  /** The gold label of each article: {@code doc_id, label}. */
  public static Dataset<Row> labels(SparkSession spark, List<String> files, String column) {
    Dataset<Row> out = null;
    for (String f : files) {
      String lower = f.toLowerCase(Locale.ROOT);
      Dataset<Row> d;
      if (lower.endsWith(".parquet")) {
        d = spark.read().parquet(f);
      } else if (lower.endsWith(".csv") || lower.endsWith(".csv.gz")) {
        d = spark.read().option("header", true).option("multiLine", true).option("escape", "\"").csv(f);
      } else {
        d = spark.read().json(f);
      }
      List<String> names = Arrays.asList(d.columns());
      if (!names.contains(column)) {
        continue;
      }
      String id = null;
      FieldMapper mapper = new FieldMapper();
      for (String candidate : mapper.getOrDefault(mapper.idNames())) {
        if (names.contains(candidate)) {
          id = candidate;
          break;
        }
      }
      if (id == null) {
        continue;
      }
      Dataset<Row> l = d.select(col(id).cast("string").as("doc_id"), col(column).cast("string").as("label"))
          .filter(col("label").isNotNull());
      out = out == null ? l : out.unionByName(l);
    }
    if (out == null) {
      throw new IllegalArgumentException("no input file has both an id column and the label column '" + column
          + "' (files: " + files + ")");
    }
    return out.dropDuplicates("doc_id");
  }

  /** The input files the lake's articles came from. */
  public static List<String> sourceFiles(Lake lake) {
    List<String> out = new ArrayList<>();
    for (Row r : lake.read(Tables.ARTICLES).select("source_file").distinct().orderBy("source_file").collectAsList()) {
      out.add(r.getString(0));
    }
    return out;
  }

  /**
   * @param labels null for the label-free measures only
   * @return the figures, and {@code topics}: per topic its id, size, label, NPMI and top words
   */
  public static Map<String, Object> evaluate(Lake lake, Dataset<Row> labels) {
    Dataset<Row> articles = lake.read(Tables.ARTICLES);
    SparkSession spark = articles.sparkSession();
    TopicModelStore store = new TopicModelStore(lake);
    String modelId = store.currentId().orElseThrow(() -> new Lake.LakeException(
        "lake " + lake.root() + " has no topic model (run 'frontline topics' first)"));
    PipelineModel pipeline = store.load(modelId).pipeline();
    Vocabulary unigrams = new Vocabulary(TopicModelStore.vocabulary(pipeline), true);
    NewsTokenizer tokenizer = (NewsTokenizer) pipeline.stages()[0];
    Dataset<Row> docs = TopicsJob.documents(articles);
    // an article without a vocabulary term has no topic: it is left out of every measure and counted
    Dataset<Row> all = lake.read(Tables.ARTICLE_TOPICS);
    long withoutTopic = all.filter(col("topic_id").isNull()).count();
    Dataset<Row> assigned = all.filter(col("topic_id").isNotNull()).select("doc_id", "topic_id");
    Dataset<Row> tokens = tokenizer.transform(docs.join(assigned, "doc_id"))
        .select(col("doc_id"), col("topic_id"), unigrams.filter(spark).apply(col("tokens")).as("vtokens"))
        .cache();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("model_id", modelId);
    out.put("documents", tokens.count());
    out.put("documents_without_topic", withoutTopic);
    if (labels != null) {
      Map<String, Double> a = TopicMetrics.agreement(tokens.join(labels, "doc_id"), "topic_id", "label");
      out.put("labelled_documents", a.get("documents").longValue());
      out.put("classes", a.getOrDefault("classes", 0.0).longValue());
      out.put("nmi", round(a.get("nmi")));
      out.put("ari", round(a.get("ari")));
      out.put("purity", round(a.get("purity")));
    }
    TopicQuality.Result q = TopicQuality.measure(tokens, "topic_id", "vtokens", unigrams);
    out.put("topics", (long) q.topics());
    out.put("npmi", round(q.npmi()));
    out.put("diversity", round(q.diversity()));
    out.put("quality", round(q.quality()));
    Map<Integer, Long> sizes = new HashMap<>();
    for (Row r : tokens.groupBy("topic_id").agg(count(lit(1))).collectAsList()) {
      sizes.put(r.getInt(0), r.getLong(1));
    }
    List<Map<String, Object>> perTopic = new ArrayList<>();
    for (int i = 0; i < q.ids().size(); i++) {
      int id = ((Number) q.ids().get(i)).intValue();
      List<String> words = q.topWords().get(i);
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("topic_id", id);
      t.put("size", sizes.getOrDefault(id, 0L));
      t.put("npmi", round(q.npmiPerTopic()[i]));
      t.put("top_words", words.subList(0, Math.min(TopicQuality.COHERENCE_WORDS, words.size())));
      perTopic.add(t);
    }
    out.put("per_topic", perTopic);
    tokens.unpersist();
    return out;
  }

  private static double round(Double v) {
    return v == null || v.isNaN() ? Double.NaN : Math.round(v * 10000) / 10000.0;
  }
}
