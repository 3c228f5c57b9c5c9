package org.frontline.topics;

import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.frontline.SparkTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.*;
import static org.junit.jupiter.api.Assertions.*;

/** Each algorithm on the four-theme fixture corpus of {@link TopicsJobTest}, after LSA where it applies. */
class TopicClusteringTest extends SparkTest {
  static Dataset<Row> docs;

  @BeforeAll
  static void features() {
    Dataset<Row> articles = TopicsJobTest.corpus("c/", List.of("football", "energy", "talks", "harvest"));
    Dataset<Row> d = TopicsJob.documents(articles);
    PipelineModel f = TopicFeatures.pipeline(new TopicFeatures.Options("document", 1000, 2, 0.6, true)).fit(d);
    Dataset<Row> x = f.transform(d);
    LsaModel lsa = new LsaReducer().setDims(6).fit(x);
    assertEquals(6, lsa.getComponents().numCols());
    docs = lsa.transform(x).select("doc_id", "tf", "features", "reduced").cache();
  }

  private static Dataset<Row> assign(TopicClustering.Algorithm a, String vectors) {
    TopicClustering.Fitted f = TopicClustering.fit(docs, new TopicClustering.Options(a, 4, 42L, 2, 60, vectors, "tf"));
    Dataset<Row> y = docs;
    for (Transformer t : f.stages()) {
      y = t.transform(y);
    }
    return y.select(col("doc_id"), col("topic_index"), col("topic_score"),
        regexp_extract(col("doc_id"), "c/(\\w+)-", 1).as("theme"));
  }

  @Test
  void kmeansAndBisectingOnLsaVectorsFindTheThemes() {
    for (TopicClustering.Algorithm a : List.of(TopicClustering.Algorithm.KMEANS, TopicClustering.Algorithm.BISECTING)) {
      Dataset<Row> y = assign(a, "reduced");
      Map<String, Double> agree = TopicMetrics.agreement(y, "topic_index", "theme");
      // k-means separates the four themes exactly; bisecting's greedy top-down splits are weaker (0.80 here)
      assertTrue(agree.get("nmi") >= (a == TopicClustering.Algorithm.KMEANS ? 1.0 - 1e-9 : 0.75), a + ": " + agree);
      Row s = y.agg(min("topic_score"), max("topic_score"), min("topic_index"), max("topic_index")).first();
      assertTrue(s.getDouble(0) > 0 && s.getDouble(1) <= 1 + 1e-9, s.toString());
      assertEquals(0, s.getInt(2));
      assertEquals(3, s.getInt(3));
    }
  }

  @Test
  void startsSplitInTwoRunsGiveTheCostOfOneRunWithAllOfThem() {
    // the topic stage screens k on the first starts and runs the others for the chosen k only
    TopicClustering.Algorithm a = TopicClustering.Algorithm.KMEANS;
    double all = TopicClustering.fit(docs, new TopicClustering.Options(a, 6, 42L, 0, 4, 20, "reduced", "tf")).cost();
    double first = TopicClustering.fit(docs, new TopicClustering.Options(a, 6, 42L, 0, 2, 20, "reduced", "tf")).cost();
    double rest = TopicClustering.fit(docs, new TopicClustering.Options(a, 6, 42L, 2, 2, 20, "reduced", "tf")).cost();
    assertEquals(all, Math.min(first, rest), 1e-9 * Math.abs(all));
    double late = TopicClustering.fit(docs, new TopicClustering.Options(a, 6, 42L, 2, 1, 20, "reduced", "tf")).cost();
    double seed44 = TopicClustering.fit(docs, new TopicClustering.Options(a, 6, 44L, 0, 1, 20, "reduced", "tf")).cost();
    assertEquals(seed44, late, 1e-9 * Math.abs(late), "start 2 of seed 42 is seed 44");
    assertThrows(IllegalArgumentException.class,
        () -> new TopicClustering.Options(a, 6, 42L, -1, 2, 20, "reduced", "tf"));
  }

  /**
   * k-means in the driver finds the themes as well, its stages assign in Spark exactly the clusters it found,
   * and its starts split in two runs give the cost of one run with all of them.
   */
  @Test
  void kmeansInTheDriverFindsTheThemesAndItsStagesAssignTheSame() {
    Vocabulary all = new Vocabulary(new String[] {"x"}, false);
    FitSample sample = FitSample.collect(docs.withColumn("none", array().cast("array<string>")), "reduced", "tf",
        "none", all);
    TopicClustering.Algorithm a = TopicClustering.Algorithm.KMEANS;
    TopicClustering.Fitted f = TopicClustering.fitLocal(sample, new TopicClustering.Options(a, 4, 42L, 2, 60,
        "reduced", "tf"));
    assertEquals(sample.size(), f.assignment().length);
    Dataset<Row> y = docs;
    for (Transformer t : f.stages()) {
      y = t.transform(y);
    }
    y = y.select(col("doc_id"), col("topic_index"), col("topic_score"),
        regexp_extract(col("doc_id"), "c/(\\w+)-", 1).as("theme")).cache();
    Map<String, Double> agree = TopicMetrics.agreement(y, "topic_index", "theme");
    assertTrue(agree.get("nmi") >= 1.0 - 1e-9, agree.toString());
    Map<String, Integer> spark = new HashMap<>();
    for (Row r : y.collectAsList()) {
      spark.put(r.getString(0), r.getInt(1));
      assertTrue(r.getDouble(2) > 0 && r.getDouble(2) <= 1 + 1e-9, r.toString());
    }
    for (int i = 0; i < sample.size(); i++) {
      assertEquals(f.assignment()[i], spark.get(sample.id(i)), sample.id(i));
    }
    y.unpersist();
    double allStarts = TopicClustering.fitLocal(sample, new TopicClustering.Options(a, 6, 42L, 0, 4, 20, "reduced",
        "tf")).cost();
    double first = TopicClustering.fitLocal(sample, new TopicClustering.Options(a, 6, 42L, 0, 2, 20, "reduced",
        "tf")).cost();
    double rest = TopicClustering.fitLocal(sample, new TopicClustering.Options(a, 6, 42L, 2, 2, 20, "reduced",
        "tf")).cost();
    assertEquals(allStarts, Math.min(first, rest));
    assertThrows(IllegalArgumentException.class, () -> TopicClustering.fitLocal(sample,
        new TopicClustering.Options(TopicClustering.Algorithm.LDA, 4, 42L, 1, 10, "reduced", "tf")));
  }

  @Test
  void ldaGivesEachDocumentItsMostProbableTopic() {
    Dataset<Row> y = assign(TopicClustering.Algorithm.LDA, "features");
    Map<String, Double> agree = TopicMetrics.agreement(y, "topic_index", "theme");
    assertTrue(agree.get("nmi") > 0.5, agree.toString());
    Row s = y.agg(min("topic_score"), max("topic_score"), min("topic_index"), max("topic_index")).first();
    assertTrue(s.getDouble(0) >= 0.25 && s.getDouble(1) <= 1.0, s.toString()); // the maximum of 4 probabilities
    assertTrue(s.getInt(2) >= 0 && s.getInt(3) <= 3, s.toString());
  }

  @Test
  void theDistributionScorerTakesTheFirstMaximum() {
    Dataset<Row> d = spark().createDataFrame(List.of(
            RowFactory.create(Vectors.dense(0.1, 0.7, 0.2)),
            RowFactory.create(Vectors.dense(0.4, 0.2, 0.4))),
        new StructType().add("topicDistribution", SQLDataTypes.VectorType()));
    List<Row> out = new DistributionScorer().transform(d).select("topic_index", "topic_score").collectAsList();
    assertEquals(RowFactory.create(1, 0.7), out.get(0));
    assertEquals(RowFactory.create(0, 0.4), out.get(1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new DistributionScorer().setDistributionCol("nope").transform(d));
    assertTrue(e.getMessage().contains("nope"), e.getMessage());
  }
}
