package org.frontline.topics;

import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.frontline.SparkTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.*;
import static org.junit.jupiter.api.Assertions.*;

class TopicTermsTest extends SparkTest {
  @Test
  void distinctiveTermsBeatTermsFrequentEverywhere() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      rows.add(RowFactory.create(0, List.of("ukraine", "ukraine", "ukraine", "talks", "peace", "envoy")));
      rows.add(RowFactory.create(1, List.of("ukraine", "ukraine", "ukraine", "drone", "drone", "kharkiv")));
      rows.add(RowFactory.create(2, List.of("ukraine", "ukraine", "ukraine", "grain", "export", "port")));
      rows.add(RowFactory.create(3, List.of("ukraine", "ukraine", "ukraine", "rate", "bank", "inflation")));
    }
    Dataset<Row> df = spark().createDataFrame(rows, new StructType().add("topic", DataTypes.IntegerType)
        .add("terms", DataTypes.createArrayType(DataTypes.StringType)));
    List<Row> topics = TopicTerms.distinctive(df, "topic", "terms", 3).orderBy("topic").collectAsList();
    assertEquals(4, topics.size());
    Row peace = topics.get(0);
    assertEquals(5L, peace.<Long>getAs("size"));
    List<Row> terms = peace.getList(peace.fieldIndex("terms"));
    assertEquals(3, terms.size());
    // "ukraine" is half of every topic's terms, but it is everywhere: it is not among the top three
    assertFalse(terms.stream().anyMatch(t -> t.getString(0).equals("ukraine")), terms.toString());
    Row drone = topics.get(1);
    assertEquals("drone", drone.getList(drone.fieldIndex("terms")).get(0) instanceof Row r ? r.getString(0) : null);
    assertTrue(drone.<String>getAs("label").startsWith("drone / "), drone.<String>getAs("label"));
  }

  /** The per-partition sums of the count vectors give exactly the rows of the exploded-token path. */
  @Test
  void fromCountVectorsEqualsFromTokenArrays() {
    Dataset<Row> d = TopicsJob.documents(TopicsJobTest.corpus("t/", List.of("football", "energy", "talks", "harvest")));
    PipelineModel f = TopicFeatures.pipeline(new TopicFeatures.Options("document", 1000, 2, 0.6, true)).fit(d);
    String[] vocabulary = TopicModelStore.vocabulary(f);
    // an assignment that mixes the themes, so that every topic has several
    Dataset<Row> x = f.transform(d).withColumn("topic", pmod(hash(col("doc_id")), lit(3))).repartition(3).cache();
    for (boolean unigrams : new boolean[] {true, false}) {
      Vocabulary v = new Vocabulary(vocabulary, unigrams);
      Dataset<Row> arrays = x.withColumn("vterms", v.filter(spark()).apply(col(unigrams ? "tokens" : "terms")));
      List<Row> expected = TopicTerms.distinctive(arrays, "topic", "vterms", 25, v.table(spark()))
          .orderBy("topic").collectAsList();
      List<Row> actual = TopicTerms.distinctiveFromCounts(x, "topic", "tf", v, 25).orderBy("topic").collectAsList();
      assertEquals(3, expected.size());
      assertEquals(expected, actual, "unigrams only: " + unigrams);
      assertEquals(25, expected.get(0).getList(expected.get(0).fieldIndex("terms")).size());
      if (unigrams) {
        assertTrue(expected.stream().flatMap(r -> r.getList(r.fieldIndex("terms")).stream())
            .noneMatch(t -> ((Row) t).getString(0).contains(" ")));
      }
    }
    x.unpersist();
  }

  /** The driver's c-TF-IDF over a fit sample gives the distributed one's terms, weights and sizes. */
  @Test
  void inTheDriverEqualsDistributed() {
    Dataset<Row> d = TopicsJob.documents(TopicsJobTest.corpus("l/", List.of("football", "energy", "talks", "harvest")));
    PipelineModel f = TopicFeatures.pipeline(new TopicFeatures.Options("document", 1000, 2, 0.6, true)).fit(d);
    String[] vocabulary = TopicModelStore.vocabulary(f);
    Dataset<Row> x = f.transform(d).withColumn("topic", pmod(hash(col("doc_id")), lit(3))).cache();
    Vocabulary all = new Vocabulary(vocabulary, false);
    FitSample sample = FitSample.collect(x, "features", "tf", "tokens", all);
    Map<String, Integer> topicOfId = new HashMap<>();
    for (Row r : x.select("doc_id", "topic").collectAsList()) {
      topicOfId.put(r.getString(0), r.getInt(1));
    }
    int[] topicOf = new int[sample.size()];
    for (int i = 0; i < topicOf.length; i++) {
      topicOf[i] = topicOfId.get(sample.id(i));
    }
    for (boolean unigrams : new boolean[] {true, false}) {
      Vocabulary v = new Vocabulary(vocabulary, unigrams);
      List<Row> expected = TopicTerms.distinctiveFromCounts(x, "topic", "tf", v, 25).orderBy("topic").collectAsList();
      List<TopicTerms.Ranked> actual = TopicTerms.distinctive(sample, topicOf, 3, v, 25);
      assertEquals(expected.size(), actual.size());
      for (int t = 0; t < expected.size(); t++) {
        Row e = expected.get(t);
        assertEquals(e.getInt(0), actual.get(t).topic());
        assertEquals(e.<Long>getAs("size"), actual.get(t).size());
        List<Row> terms = e.getList(e.fieldIndex("terms"));
        assertEquals(terms.stream().map(r -> r.getString(0)).toList(), actual.get(t).terms(), "unigrams " + unigrams);
        for (int i = 0; i < terms.size(); i++) {
          assertEquals(terms.get(i).getDouble(1), actual.get(t).weights().get(i), 1e-12);
        }
      }
    }
    x.unpersist();
  }
}
