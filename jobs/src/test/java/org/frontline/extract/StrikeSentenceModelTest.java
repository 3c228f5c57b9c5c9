package org.frontline.extract;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.frontline.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The learned second opinion on sentences written for Frontline: weak and hand labels, a fit, persistence,
 * and flags the rules read — a flagged sentence the rules pass over becomes a mention, one they read
 * anyway is left to them.
 */
class StrikeSentenceModelTest extends SparkTest {
  static final String[] STRIKES = {
      "A drone hit a school in Sumy overnight, injuring two people.",
      "Russian shelling of Nikopol killed one man on Tuesday.",
      "Missiles struck an energy plant in Lviv overnight.",
      "Two civilians were killed when artillery hit Kherson.",
      "An attack drone damaged houses in Odesa overnight.",
      "Shelling injured three residents of Kharkiv on Monday."};
  static final String[] OTHER = {
      "Talks between the delegations resumed in Geneva.",
      "The parliament approved the budget for next year.",
      "Farmers expect a good harvest of wheat this summer.",
      "The minister met his counterpart to discuss trade.",
      "Schools reopened after the holidays across the country.",
      "The central bank kept its key rate unchanged."};

  static Dataset<Row> articles() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < STRIKES.length; i++) {
      rows.add(RowFactory.create("a" + i, "f.jsonl", Date.valueOf("2026-03-12"), "S", null, "t",
          STRIKES[i] + " " + OTHER[i]));
    }
    // the rules pass over this one: no strike word they know
    rows.add(RowFactory.create("x", "f.jsonl", Date.valueOf("2026-03-12"), "S", null, "t",
        "The minister spoke in Kyiv. Enemy fire reached homes in Sumy overnight."));
    return spark().createDataFrame(rows, new StructType().add("doc_id", "string").add("source_file", "string")
        .add("published_date", "date").add("source", "string").add("url", "string").add("title", "string")
        .add("text", "string"));
  }

  @Test
  void learnsFromWeakAndHandLabelsAndFlagsWhatTheRulesMiss(@TempDir Path dir) {
    Dataset<Row> arts = articles();
    Dataset<Row> mentions = ExtractJob.mentions(arts, "2026-03-12");
    Dataset<Row> gold = spark().createDataFrame(List.of(RowFactory.create("a5", List.of())),
        new StructType().add("doc_id", "string").add("strikes", "array<string>"))
        .select(col("doc_id"), array().cast("array<struct<weapon:string>>").as("strikes"));
    Dataset<Row> training = StrikeSentenceModel.trainingSet(arts, mentions, gold).cache();
    // weak labels: the rules' strike sentences are positive, weight 0.3
    assertEquals(1.0, training.filter(col("doc_id").equalTo("a0").and(col("sentence_index").equalTo(0)))
        .first().<Double>getAs("label"));
    assertEquals(0.3, training.filter(col("doc_id").equalTo("a0")).first().<Double>getAs("weight"));
    // a hand label without strikes makes every sentence of its article negative, weight 1
    Row handNegative = training.filter(col("doc_id").equalTo("a5").and(col("sentence_index").equalTo(0))).first();
    assertEquals(0.0, handNegative.<Double>getAs("label"));
    assertEquals(1.0, handNegative.<Double>getAs("weight"));

    StrikeSentenceModel.Fitted model = StrikeSentenceModel.fit(training);
    String path = dir.resolve("model").toString();
    assertDoesNotThrow(() -> model.save(path));
    StrikeSentenceModel.Fitted loaded = StrikeSentenceModel.Fitted.load(path);
    Row flagsOfX = StrikeSentenceModel.flags(loaded, arts, 0.0).filter(col("doc_id").equalTo("x")).first();
    Map<Object, Object> flags = flagsOfX.getJavaMap(flagsOfX.fieldIndex("flags"));
    assertEquals(2, flags.size(), "a threshold of 0 flags every sentence");

    // the rules alone find nothing in x; with its second sentence flagged, they locate it in Sumy
    Gazetteer g = Gazetteer.load();
    String text = "The minister spoke in Kyiv. Enemy fire reached homes in Sumy overnight.";
    LocalDate day = LocalDate.parse("2026-03-12");
    assertEquals(List.of(), StrikeRules.extract("t", text, day, day, g));
    List<Mention> flagged = StrikeRules.extract("t", text, day, day, g, Map.of(1, WeaponClass.ARTILLERY));
    assertEquals(1, flagged.size(), flagged.toString());
    assertEquals("UA-59", flagged.get(0).regionIso);
    assertEquals(WeaponClass.ARTILLERY, flagged.get(0).weapon);
    // a sentence the rules read anyway keeps their own weapon
    assertEquals(WeaponClass.DRONE, StrikeRules.extract("t", STRIKES[0], day, day, g,
        Map.of(0, WeaponClass.ARTILLERY)).get(0).weapon);
    training.unpersist();
  }
}
