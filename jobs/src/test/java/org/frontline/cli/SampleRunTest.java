package org.frontline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.frontline.SparkTest;
import org.frontline.extract.ExtractionEval;
import org.frontline.lake.Lake;
import org.frontline.lake.Tables;
import org.frontline.topics.TopicEval;
import org.frontline.topics.TopicModelStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.*;
import static org.junit.jupiter.api.Assertions.*;

/** `frontline run` end to end on data/sample, checked record by record against the generator's truth. */
class SampleRunTest extends SparkTest {
  @TempDir
  static Path dir;
  static Lake lake;
  static Map<String, JsonNode> truth = new HashMap<>();

  @BeforeAll
  static void run() throws Exception {
    Path sample = repo().resolve("data/sample");
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(sample.resolve("truth.jsonl"))) {
      JsonNode t = json.readTree(line);
      truth.put(t.get("file").asText() + "#" + t.get("position").asText(), t);
    }
    spark();
    int code = Frontline.execute(new PrintWriter(new StringWriter()), new PrintWriter(System.err, true),
        "run", "--input", sample.resolve("corpus").toString(), "--lake", dir.resolve("lake").toString(),
        "--as-of", "2026-11-27");
    assertEquals(0, code);
    lake = new Lake(spark(), dir.resolve("lake").toString());
  }

  @Test
  void mentionsMatchTheGeneratorsTruth() {
    Map<String, Object> s = ExtractionEval.score(spark(), repo().resolve("data/sample/truth.jsonl").toString(),
        lake.read(Tables.ARTICLES), lake.read(Tables.MENTIONS), 0);
    assertEquals(716L, s.get("scored_documents"));
    assertTrue((Double) s.get("article_f1") >= 0.99, s.toString());
    assertTrue((Double) s.get("mention_f1") >= 0.97, s.toString());
    assertTrue((Double) s.get("killed_exact_rate") >= 0.97, s.toString());
    assertTrue((Double) s.get("injured_exact_rate") >= 0.97, s.toString());
    assertTrue((Double) s.get("launched_exact_rate") >= 0.95, s.toString());
  }

  @Test
  void eventsCountEachStrikeOnceAndTraceToTheirMentions() {
    var events = lake.read(Tables.EVENTS);
    var mentions = lake.read(Tables.MENTIONS);
    // every dated mention belongs to exactly one event
    long inEvents = events.select(explode(col("mention_ids"))).distinct().count();
    assertEquals(mentions.filter(col("event_date").isNotNull()).count(), inEvents);
    assertEquals(events.select(sum(col("n_mentions"))).first().getLong(0), inEvents);
    // syndicated copies are duplicates, so no event has two mentions from the same article
    assertEquals(0, events.filter(col("n_articles").gt(col("n_mentions"))).count());
    assertEquals(events.count(), events.select("event_id").distinct().count());
  }

  @Test
  void exactCountsPerTable() {
    // 800 records: 716 originals kept, 32 exact and 38 near copies, 14 malformed (see data/sample/truth.jsonl)
    long expectedKept = truth.values().stream().filter(t -> t.get("expected_status").asText().equals("kept")).count();
    long expectedQuarantined = truth.values().stream()
        .filter(t -> t.get("expected_status").asText().equals("quarantined")).count();
    assertEquals(716, expectedKept);
    assertEquals(14, expectedQuarantined);
    assertEquals(716, lake.read(Tables.ARTICLES).count());
    assertEquals(70, lake.read(Tables.DUPLICATES).count());
    assertEquals(14, lake.read(Tables.QUARANTINE).count());
  }

  @Test
  void quarantineReasonsMatchTheTruth() {
    Map<String, Long> expected = new TreeMap<>();
    for (JsonNode t : truth.values()) {
      if (t.has("expected_reason")) {
        expected.merge(t.get("expected_reason").asText(), 1L, Long::sum);
      }
    }
    Map<String, Long> actual = new TreeMap<>();
    for (Row r : lake.read(Tables.QUARANTINE).groupBy("reason").count().collectAsList()) {
      actual.put(r.getString(0), r.getLong(1));
    }
    assertEquals(expected, actual);
  }

  @Test
  void everyDuplicatePointsToTheOriginalItCopies() {
    Map<String, String> expected = new TreeMap<>();
    for (JsonNode t : truth.values()) {
      if (t.get("expected_status").asText().equals("duplicate")) {
        expected.put(t.get("doc_id").asText(), t.get("duplicate_of").asText());
      }
    }
    Map<String, String> actual = new TreeMap<>();
    for (Row r : lake.read(Tables.DUPLICATES).select("doc_id", "duplicate_of").collectAsList()) {
      actual.put(r.getString(0), r.getString(1));
    }
    assertEquals(expected, actual);
  }

  @Test
  void datesAndLanguagesAreSetOnEveryKeptArticle() {
    assertEquals(8, lake.read(Tables.ARTICLES).where(col("date_status").equalTo("unparseable")).count());
    assertEquals(0, lake.read(Tables.ARTICLES).where(col("date_status").equalTo("ok")
        .and(col("published_date").isNull())).count());
    assertEquals(716, lake.read(Tables.ARTICLES).where(col("language").equalTo("en")).count());
    assertEquals(0, lake.read(Tables.ARTICLES).where(col("text").contains("<p>").or(col("text").contains("&amp;"))
        .or(col("text").rlike("(?m)^(Advertisement|Add a Comment|Leave a Reply|Share this article)$"))).count());
  }

  @Test
  void everyKeptArticleHasOneTopicAndTopicsFollowTheStoryKinds() {
    long kept = lake.read(Tables.ARTICLES).count();
    Dataset<Row> assigned = lake.read(Tables.ARTICLE_TOPICS);
    assertEquals(kept, assigned.count());
    assertEquals(kept, assigned.select("doc_id").distinct().count());
    TopicModelStore store = new TopicModelStore(lake);
    int k = store.load(store.currentId().orElseThrow()).description().k();
    assertTrue(k >= 5 && k <= 30, "k chosen from the default range: " + k);
    assertEquals(k, lake.read(Tables.TOPICS).filter(col("status").equalTo("active")).count());
    // the generator's story kinds (strike, diplomacy, economy, ...) as gold labels
    Map<String, Object> e = TopicEval.evaluate(lake, TopicEval.labels(
        spark(), List.of(repo().resolve("data/sample/truth.jsonl").toString()), "kind"));
    assertEquals(kept, e.get("labelled_documents"));
    assertTrue((Double) e.get("nmi") >= 0.3, e.toString());
    assertTrue((Double) e.get("npmi") > 0.05, e.toString());
    assertTrue((Double) e.get("diversity") >= 0.6, e.toString());
  }

  @Test
  void trendsAddUpToTheEventsAndTheReportIsWritten() throws Exception {
    var trends = lake.read(Tables.STRIKE_TRENDS);
    var events = lake.read(Tables.EVENTS).filter(col("country").equalTo("UA"));
    Row range = trends.filter(col("period").equalTo("day")).agg(min("period_start"), max("period_start"),
        countDistinct("period_start")).first();
    long days = range.getLong(2);
    assertEquals(range.getDate(1).toLocalDate().toEpochDay() - range.getDate(0).toLocalDate().toEpochDay() + 1,
        days, "every day between the first and the last");
    assertEquals(29 * days, trends.filter(col("period").equalTo("day")).count(), "every area every day");
    long ua = events.filter(col("event_date").between(range.getDate(0), range.getDate(1))).count();
    for (String period : Tables.PERIODS) {
      Row sums = trends.filter(col("period").equalTo(period)).agg(
          sum(when(col("area").equalTo("UA"), col("events"))),
          sum(when(col("area_kind").equalTo("oblast"), col("events")))).first();
      assertEquals(ua, sums.getLong(0), period + ": national rows add up to the events");
      long regional = events.filter(col("region_iso").isNotNull()
          .and(col("event_date").between(range.getDate(0), range.getDate(1)))).count();
      assertEquals(regional, sums.getLong(1), period + ": oblast rows add up to the located events");
    }
    assertEquals(0, trends.filter(col("events").notEqual(col("events_drone").plus(col("events_missile"))
        .plus(col("events_artillery")).plus(col("events_airstrike")).plus(col("events_glide_bomb"))
        .plus(col("events_unknown")))).count(), "weapon classes add up");
    var spikes = lake.read(Tables.SPIKES);
    assertTrue(spikes.count() > 0);
    assertEquals(0, spikes.filter(col("spike").and(col("z").lt(3.5))).count());
    assertEquals(0, spikes.filter(col("reason").isNull().or(length(col("reason")).lt(10))).count());
    String html = Files.readString(dir.resolve("lake/report/report.html"));
    assertTrue(html.contains("id=\"topic-table\""), "the run's report has its topics");
    assertTrue(html.contains("id=\"event-table\""), "and the last night's events");
    assertEquals(27, html.split("<path class=\"oblast\"", -1).length - 1);
  }

  @Test
  void theRunSummaryKeepsEveryKeyAndValue() throws Exception {
    SummaryGolden.check(SummaryGolden.read(dir.resolve("lake"), "run", null), dir, "sample-run");
  }
}
