package org.frontline.extract;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.frontline.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The scores of {@link ExtractionEval} on three labelled articles whose mentions are right, a day off, and three
 * days off.
 */
class ExtractionEvalTest extends SparkTest {
  static Row mention(String doc, String day, String region, String weapon, String attacker, Integer killed) {
    return RowFactory.create(doc + "#0", doc, Date.valueOf(day), "UA", attacker, region, weapon, null, null, killed,
        null, "s");
  }

  @Test
  void strictAndWithinADayScoresAttackerAndFigures(@TempDir Path dir) throws Exception {
    Path gold = dir.resolve("gold.jsonl");
    Files.write(gold, List.of(
        "{\"doc_id\":\"a\",\"strikes\":[{\"event_date\":\"2026-03-12\",\"country\":\"UA\",\"region_iso\":\"UA-63\","
            + "\"weapon\":\"drone\",\"attacker\":\"RU\"}]}",
        "{\"doc_id\":\"b\",\"strikes\":[{\"event_date\":\"2026-03-12\",\"country\":\"UA\",\"region_iso\":\"UA-12\","
            + "\"weapon\":\"missile\",\"attacker\":\"UA\",\"killed\":2}]}",
        "{\"doc_id\":\"c\",\"strikes\":[{\"event_date\":\"2026-03-12\",\"country\":\"UA\",\"region_iso\":\"UA-30\","
            + "\"weapon\":\"artillery\",\"attacker\":\"RU\"}]}"));
    Dataset<Row> articles = spark().createDataFrame(List.of(RowFactory.create("a"), RowFactory.create("b"),
        RowFactory.create("c")), new StructType().add("doc_id", "string"));
    Dataset<Row> mentions = spark().createDataFrame(List.of(
        mention("a", "2026-03-11", "UA-63", "drone", "RU", null),       // a day early
        mention("b", "2026-03-12", "UA-12", "missile", "RU", 2),        // right key, wrong attacker
        mention("c", "2026-03-15", "UA-30", "artillery", "RU", null)),  // three days late
        new StructType().add("mention_id", "string").add("doc_id", "string").add("event_date", "date")
            .add("country", "string").add("attacker", "string").add("region_iso", "string").add("weapon", "string")
            .add("launched", "int").add("intercepted", "int").add("killed", "int").add("injured", "int")
            .add("sentence", "string"));
    Map<String, Object> s = ExtractionEval.score(spark(), gold.toString(), articles, mentions, 10);
    assertEquals(1L, s.get("mention_tp"));
    assertEquals(2L, s.get("mention_fp"));
    assertEquals(2L, s.get("mention_fn"));
    assertEquals(0.333, s.get("mention_f1"));
    assertEquals(0.667, s.get("mention_precision_date_pm1"), "a and b have a strike within a day, c has none");
    assertEquals(0.667, s.get("mention_recall_date_pm1"));
    assertEquals(0.667, s.get("mention_f1_date_pm1"));
    assertEquals(1L, s.get("attacker_compared"));
    assertEquals(0.0, s.get("attacker_exact_rate"));
    assertEquals(1.0, s.get("killed_exact_rate"));
    assertEquals(1.0, s.get("article_f1"), "every article reports a strike and has a mention");
  }
}
