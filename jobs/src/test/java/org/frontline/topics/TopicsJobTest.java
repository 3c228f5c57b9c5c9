package org.frontline.topics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.frontline.SparkTest;
import org.frontline.lake.Lake;
import org.frontline.lake.RunSummary;
import org.frontline.lake.Tables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.apache.spark.sql.functions.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A hand-made corpus of five themes (football, power grid, peace talks, grain exports, hospitals), twelve
 * articles each over ten days, written from word lists with a fixed seed; every article also carries the
 * same filler words.
 */
class TopicsJobTest extends SparkTest {
  static final Map<String, String[]> THEMES = Map.of(
      "football", new String[] {"match", "goal", "striker", "league", "coach", "penalty", "stadium", "fans",
          "season", "referee", "midfielder", "trophy"},
      "energy", new String[] {"power", "grid", "blackout", "substation", "electricity", "outage", "generator",
          "repair", "heating", "engineers", "transformer", "voltage"},
      "talks", new String[] {"talks", "ceasefire", "delegation", "envoy", "negotiations", "summit", "memorandum",
          "mediator", "proposal", "diplomats", "agreement", "guarantees"},
      "harvest", new String[] {"grain", "harvest", "wheat", "farmers", "export", "port", "shipment", "corridor",
          "tonnes", "buyers", "barley", "silo"},
      "health", new String[] {"hospital", "doctors", "patients", "clinic", "vaccine", "nurses", "surgery",
          "ambulance", "medicine", "ward", "pharmacy", "treatment"});
  static final String[] FILLER = {"officials", "said", "monday", "country", "report", "week", "statement"};
  static final LocalDate START = LocalDate.of(2026, 3, 2); // a Monday

  /** Articles of the given themes; harvest appears on even days only. */
  static Dataset<Row> corpus(String prefix, List<String> themes) {
    Random random = new Random(7);
    List<Row> rows = new ArrayList<>();
    for (String theme : themes) {
      String[] words = THEMES.get(theme);
      for (int i = 0; i < 12; i++) {
        int day = theme.equals("harvest") ? (2 * i) % 10 : i % 10;
        StringBuilder text = new StringBuilder();
        for (int s = 0; s < 4; s++) {
          for (int w = 0; w < 7; w++) {
            text.append(words[random.nextInt(words.length)]).append(' ');
          }
          text.append(FILLER[random.nextInt(FILLER.length)]).append(' ')
              .append(FILLER[random.nextInt(FILLER.length)]).append(". ");
        }
        String id = prefix + theme + "-" + i;
        String title = words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)];
        rows.add(RowFactory.create(id, title, text.toString().strip(), Date.valueOf(START.plusDays(day))));
      }
    }
    Dataset<Row> df = spark().createDataFrame(rows, new StructType().add("doc_id", "string").add("title", "string")
        .add("text", "string").add("published_date", "date"));
    return df.withColumn("source_file", lit("fixture.jsonl")).withColumn("position_kind", lit("line"))
        .withColumn("position", lit(1L)).withColumn("published_at", col("published_date").cast("timestamp"))
        .withColumn("date_status", lit("ok")).withColumn("source", lit("fixture")).withColumn("url", lit(null))
        .withColumn("language", lit("en")).withColumn("n_chars", length(col("text")))
        .withColumn("content_hash", sha2(col("text"), 256));
  }

  static TopicsJob.Options options(Integer k, boolean refit) {
    return new TopicsJob.Options(TopicClustering.Algorithm.KMEANS, k, 3, 5, 1, 42L, 3, 50, 8, 1000, 2, 0.6,
        50_000, refit, 0.3);
  }

  static Lake lake(Path dir, Dataset<Row> articles) {
    Lake lake = new Lake(spark(), dir.toString());
    lake.overwrite(Tables.ARTICLES, articles);
    return lake;
  }

  /** doc_id → topic_id. */
  static Map<String, Integer> assignment(Lake lake) {
    Map<String, Integer> out = new HashMap<>();
    for (Row r : lake.read(Tables.ARTICLE_TOPICS).select("doc_id", "topic_id").collectAsList()) {
      out.put(r.getString(0), r.getInt(1));
    }
    return out;
  }

  static Map<String, Integer> idOfTheme(Map<String, Integer> assignment) {
    Map<String, Set<Integer>> ids = new HashMap<>();
    assignment.forEach((doc, id) -> ids.computeIfAbsent(doc.substring(doc.indexOf('/') + 1, doc.lastIndexOf('-')),
        t -> new HashSet<>()).add(id));
    Map<String, Integer> out = new HashMap<>();
    ids.forEach((theme, set) -> {
      assertEquals(1, set.size(), "theme " + theme + " is split over topics " + set);
      out.put(theme, set.iterator().next());
    });
    return out;
  }

  @Test
  void themesBecomeTopicsWithLabelsTrendsAndStableIds(@TempDir Path dir) {
    Lake lake = lake(dir, corpus("a/", List.of("football", "energy", "talks", "harvest")));
    new TopicsJob(lake, options(4, false)).run();

    Map<String, Integer> first = idOfTheme(assignment(lake));
    assertEquals(Set.of(1, 2, 3, 4), new HashSet<>(first.values()), first.toString());
    List<Row> topics = lake.read(Tables.TOPICS).orderBy("topic_id").collectAsList();
    assertEquals(4, topics.size());
    for (Row t : topics) {
      assertEquals(12L, t.<Long>getAs("size"));
      assertEquals(0.25, t.<Double>getAs("share"), 1e-12);
      assertEquals("active", t.getAs("status"));
      List<Row> terms = t.getList(t.fieldIndex("terms"));
      assertEquals(10, terms.size());
      for (int i = 1; i < terms.size(); i++) {
        assertTrue(terms.get(i - 1).getDouble(1) >= terms.get(i).getDouble(1), terms.toString());
      }
      String theme = first.entrySet().stream().filter(e -> e.getValue() == t.getInt(0)).findFirst().get().getKey();
      String firstTerm = terms.get(0).getString(0);
      assertTrue(List.of(THEMES.get(theme)).stream().anyMatch(w -> firstTerm.contains(new NewsAnalyzerProbe().stem(w))),
          theme + " labelled " + t.getAs("label"));
      assertFalse(t.<String>getAs("label").contains("officials"), t.<String>getAs("label"));
    }
    Row score = lake.read(Tables.ARTICLE_TOPICS).agg(min("score"), max("score")).first();
    assertTrue(score.getDouble(0) > 0.3 && score.getDouble(1) <= 1.0 + 1e-9, score.toString());

    // trends: every day of the ten for every topic; harvest has no articles on odd days: a 0, not a gap
    Dataset<Row> trends = lake.read(Tables.TOPIC_TRENDS);
    assertEquals(40, trends.filter(col("period").equalTo("day")).count());
    assertEquals(8, trends.filter(col("period").equalTo("week")).count());
    Row harvestOdd = trends.filter(col("period").equalTo("day").and(col("topic_id").equalTo(first.get("harvest")))
        .and(col("period_start").equalTo(lit(Date.valueOf(START.plusDays(1)))))).first();
    assertEquals(0L, harvestOdd.<Long>getAs("articles"));
    assertEquals(0.0, harvestOdd.<Double>getAs("share"));
    Row harvestEven = trends.filter(col("period").equalTo("day").and(col("topic_id").equalTo(first.get("harvest")))
        .and(col("period_start").equalTo(lit(Date.valueOf(START))))).first();
    assertTrue(harvestEven.<Long>getAs("articles") > 0);
    assertFalse(harvestEven.getList(harvestEven.fieldIndex("top_terms")).isEmpty());
    // shares of a period add up to 1; weeks start on Monday
    for (Row r : trends.groupBy("period", "period_start").agg(sum("share"), sum("articles"), first("period_articles"))
        .collectAsList()) {
      assertEquals(1.0, r.getDouble(2), 1e-9, r.toString());
      assertEquals(r.getLong(3), r.getLong(4), r.toString());
    }
    assertEquals(Set.of(Date.valueOf(START), Date.valueOf(START.plusDays(7))), new HashSet<>(trends
        .filter(col("period").equalTo("week")).select("period_start").distinct().as(Encoders.DATE())
        .collectAsList()));

    // a second run without --refit assigns with the saved model: nothing changes
    String model = new TopicModelStore(lake).currentId().orElseThrow();
    new TopicsJob(lake, options(4, false)).run();
    assertEquals(model, new TopicModelStore(lake).currentId().orElseThrow());
    assertEquals(first, idOfTheme(assignment(lake)));

    // a refit on news where football is gone and health is new: the others keep their ids, health gets
    // an id never issued, football's id is retired and not reused
    lake.overwrite(Tables.ARTICLES, corpus("b/", List.of("energy", "talks", "harvest", "health")));
    new TopicsJob(lake, options(4, true)).run();
    Map<String, Integer> second = idOfTheme(assignment(lake));
    assertEquals(first.get("energy"), second.get("energy"));
    assertEquals(first.get("talks"), second.get("talks"));
    assertEquals(first.get("harvest"), second.get("harvest"));
    assertEquals(5, second.get("health"));
    Row football = lake.read(Tables.TOPICS).filter(col("topic_id").equalTo(first.get("football"))).first();
    assertEquals("retired", football.getAs("status"));
    assertEquals(0L, football.<Long>getAs("size"));
    assertEquals(5, lake.read(Tables.TOPICS).count());
    assertNotEquals(model, new TopicModelStore(lake).currentId().orElseThrow());
  }

  @Test
  void aCorpusTooSmallToFitIsSkippedWithItsReasonAndEmptyTables(@TempDir Path dir) throws Exception {
    Lake lake = lake(dir, corpus("a/", List.of("football")).limit(6));
    RunSummary summary = new RunSummary("topics", lake.root(), List.of());
    summary.add("topics", new TopicsJob(lake, options(null, false)).run());
    assertEquals("6 articles; a topic model is fitted on at least 10", summary.skipped().get("topics"));
    for (String t : List.of(Tables.TOPICS, Tables.ARTICLE_TOPICS, Tables.TOPIC_TRENDS)) {
      assertEquals(0, lake.read(t).count(), t);
    }
    assertTrue(new TopicModelStore(lake).currentId().isEmpty(), "no model saved: a later run fits one");
    JsonNode json = new ObjectMapper()
        .readTree(summary.toJson());
    assertEquals(6, json.path("topics").path("articles_without_topic").asLong());
    assertEquals("6 articles; a topic model is fitted on at least 10", json.path("skipped").path("topics").asText());
  }

  @Test
  void anArticleWithoutAVocabularyTermGetsNoTopicAndUndatedOnesStayOutOfTheTrends(@TempDir Path dir)
      throws Exception {
    Dataset<Row> themes = corpus("a/", List.of("football", "energy", "talks", "harvest"))
        .withColumn("published_date", when(col("doc_id").isin("a/energy-0", "a/energy-1", "a/talks-2",
            "a/harvest-3", "a/football-4"), lit(null).cast("date")).otherwise(col("published_date")));
    // words of no other article (under min df): no vocabulary term at all
    Dataset<Row> odd = themes.filter(col("doc_id").isin("a/football-5", "a/talks-6", "a/energy-7"))
        .withColumn("title", when(col("doc_id").equalTo("a/football-5"), lit("Xalqorv"))
            .when(col("doc_id").equalTo("a/talks-6"), lit("Bemptrix")).otherwise(lit("Zornfeld")))
        .withColumn("text", when(col("doc_id").equalTo("a/football-5"), lit("Quiblet ostrander."))
            .when(col("doc_id").equalTo("a/talks-6"), lit("Vandrel pumquist.")).otherwise(lit("Ulqat hexmoor.")))
        .withColumn("doc_id", concat(lit("odd-"), col("doc_id")));
    Lake lake = lake(dir, themes.unionByName(odd));
    RunSummary summary = new RunSummary("topics", lake.root(), List.of());
    summary.add("topics", new TopicsJob(lake, options(4, false)).run());

    List<Row> none = lake.read(Tables.ARTICLE_TOPICS).filter(col("topic_id").isNull()).orderBy("doc_id")
        .collectAsList();
    assertEquals(3, none.size(), none.toString());
    for (Row r : none) {
      assertTrue(r.<String>getAs("doc_id").startsWith("odd-"), r.toString());
      assertTrue(r.isNullAt(r.fieldIndex("score")));
    }
    JsonNode topics = new ObjectMapper()
        .readTree(summary.toJson()).path("topics");
    assertEquals(48, topics.path("articles_assigned").asLong());
    assertEquals(3, topics.path("articles_without_topic").asLong());
    assertEquals(5, topics.path("articles_undated").asLong());
    assertEquals(48, lake.read(Tables.TOPICS).agg(sum("size")).first().getLong(0));
    // the trends count the 43 dated articles with a topic, once per period
    Dataset<Row> days = lake.read(Tables.TOPIC_TRENDS).filter(col("period").equalTo("day"));
    assertEquals(43, days.agg(sum("articles")).first().getLong(0));
    assertEquals(0, days.filter(col("topic_id").isNull()).count());
    assertTrue(summary.skipped().isEmpty());
    // the evaluation measures the articles that have a topic and counts the others
    Map<String, Object> eval = TopicEval.evaluate(lake, null);
    assertEquals(48L, eval.get("documents"));
    assertEquals(3L, eval.get("documents_without_topic"));
  }

  @Test
  void kAboveWhatTheCorpusHoldsIsLoweredAndSaid(@TempDir Path dir) throws Exception {
    Lake lake = lake(dir, corpus("a/", List.of("football", "energy")));
    RunSummary summary = new RunSummary("topics", lake.root(), List.of());
    summary.add("topics", new TopicsJob(lake, options(20, false)).run());
    TopicModelStore.Description d = new TopicModelStore(lake).load(new TopicModelStore(lake).currentId()
        .orElseThrow()).description();
    assertEquals(12, d.k(), "24 documents: at most 12 topics of two");
    assertEquals("lowered to the corpus", d.kChoice());
    assertTrue(new ObjectMapper().readTree(summary.toJson()).path("topics")
        .path("note").asText().contains("k lowered from 20 to 12 for 24 documents"), summary.toJson());
  }

  @Test
  void theSameInputAndSeedGiveTheSameTopicsAndAKChosenByQuality(@TempDir Path dir) {
    Dataset<Row> articles = corpus("a/", List.of("football", "energy", "talks", "harvest"));
    Lake one = lake(dir.resolve("one"), articles);
    Lake two = lake(dir.resolve("two"), articles);
    RunSummary s1 = new RunSummary("topics", one.root(), List.of());
    s1.add("topics", new TopicsJob(one, options(null, false)).run());
    new TopicsJob(two, options(null, false)).run();
    assertEquals(4, new TopicModelStore(one).load(new TopicModelStore(one).currentId().orElseThrow())
        .description().k(), s1.toJson());
    List<Row> a = one.read(Tables.ARTICLE_TOPICS).select(col("doc_id"), col("topic_id"), round(col("score"), 9))
        .orderBy("doc_id").collectAsList();
    List<Row> b = two.read(Tables.ARTICLE_TOPICS).select(col("doc_id"), col("topic_id"), round(col("score"), 9))
        .orderBy("doc_id").collectAsList();
    assertEquals(a, b);
    assertEquals(one.read(Tables.TOPICS).select("topic_id", "label").orderBy("topic_id").collectAsList(),
        two.read(Tables.TOPICS).select("topic_id", "label").orderBy("topic_id").collectAsList());
  }

  /** The analyser's stem of a word, as topic terms are written. */
  static final class NewsAnalyzerProbe {
    String stem(String word) {
      List<String> t = new NewsAnalyzer(List.of(), 1).tokens(word);
      return t.isEmpty() ? word : t.get(0);
    }
  }
}
