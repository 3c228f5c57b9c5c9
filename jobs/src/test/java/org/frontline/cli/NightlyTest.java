package org.frontline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.delta.tables.DeltaTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.frontline.SparkTest;
import org.frontline.generate.CorpusGenerator;
import org.frontline.lake.Lake;
import org.frontline.lake.LakeLock;
import org.frontline.lake.Tables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Nightly runs on a generated week split into nights by publication day, after a base lake built by `run`
 * (which also fits the topic model the nights apply). Lake A takes nights 1 and 2 in order, then night 2
 * again; lake B takes night 2, then night 1. A night-2 article without a date of its own reports a night-1
 * strike again, so it must join the existing event.
 */
class NightlyTest extends SparkTest {
  @TempDir
  static Path dir;
  static Path base;
  static Map<String, Path> nights = new TreeMap<>();
  static Lake a;
  static Lake b;
  static Map<String, Long> afterNight1 = new TreeMap<>();
  static Map<String, Long> afterNight2 = new TreeMap<>();
  static String kharkivEventAfterNight1;
  static Map<String, Long> versionAfterNight2 = new TreeMap<>();

  static int frontline(String... args) {
    return Frontline.execute(new PrintWriter(new StringWriter()), new PrintWriter(System.err, true), args);
  }

  static String line(String id, String published, String title, String text) {
    return new ObjectMapper().createObjectNode().put("doc_id", id).put("published", published)
        .put("outlet", "Test Wire " + id).put("url", "https://test.example/" + id).put("title", title)
        .put("body", text).toString();
  }

  @BeforeAll
  static void build() throws Exception {
    spark();
    Path gen = dir.resolve("gen");
    new CorpusGenerator(new CorpusGenerator.Options(260, 11, gen, 1, List.of("jsonl"), LocalDate.parse("2026-03-02"),
        6)).write();
    Map<String, List<String>> byNight = new TreeMap<>();
    ObjectMapper json = new ObjectMapper();
    // the generator's truth gives each record's publication day (its published field varies in format)
    Map<String, String> day = new HashMap<>();
    for (String l : Files.readAllLines(gen.resolve("truth.jsonl"), StandardCharsets.UTF_8)) {
      JsonNode t = json.readTree(l);
      day.put(t.get("file").asText() + "#" + t.get("position").asText(),
          t.path("published_date").isTextual() ? t.get("published_date").asText() : "");
    }
    try (Stream<Path> files = Files.walk(gen.resolve("corpus"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          String d = day.getOrDefault("corpus/" + f.getFileName() + "#" + (i + 1), "");
          String night = d.isEmpty() || d.compareTo("2026-03-04") < 0 ? "0" : d.compareTo("2026-03-06") < 0 ? "1" : "2";
          byNight.computeIfAbsent(night, k -> new ArrayList<>()).add(lines.get(i));
        }
      }
    }
    byNight.get("1").add(line("k1", "Thu, 5 Mar 2026 07:00:00 GMT", "Drone hits Kharkiv",
        "A Russian drone hit an apartment block in Kharkiv overnight, killing two people and injuring 10."));
    byNight.get("2").add(line("k2", "Sat, 7 Mar 2026 09:00:00 GMT", "Kharkiv mourns",
        "A drone hit an apartment block in Kharkiv, killing three people, officials said."));
    for (Map.Entry<String, List<String>> e : byNight.entrySet()) {
      Path f = dir.resolve("in/night-" + e.getKey() + ".jsonl");
      Files.createDirectories(f.getParent());
      Files.write(f, e.getValue(), StandardCharsets.UTF_8);
      nights.put(e.getKey(), f);
    }
    base = dir.resolve("base");
    assertEquals(0, frontline("run", "--input", nights.get("0").toString(), "--lake", base.toString(),
        "--as-of", "2026-03-03", "--k", "4", "--restarts", "2", "--min-df", "2"));
    a = new Lake(spark(), copyTree(base, dir.resolve("a")).toString());
    b = new Lake(spark(), copyTree(base, dir.resolve("b")).toString());

    assertEquals(0, nightly(a, "1", "2026-03-05"));
    counts(a, afterNight1);
    kharkivEventAfterNight1 = kharkiv(a).getAs("event_id");
    assertEquals(0, nightly(a, "2", "2026-03-07"));
    counts(a, afterNight2);
    for (String t : Tables.DATA_TABLES) {
      versionAfterNight2.put(t, DeltaTable.forPath(spark(), a.path(t)).history(1)
          .first().<Long>getAs("version"));
    }
    assertEquals(0, nightly(a, "2", "2026-03-07"), "the same night again");

    assertEquals(0, nightly(b, "2", "2026-03-07"));
    assertEquals(0, nightly(b, "1", "2026-03-05"));
  }

  static int nightly(Lake lake, String night, String date) {
    return frontline("nightly", "--date", date, "--input", nights.get(night).toString(), "--lake", lake.root());
  }

  static void counts(Lake lake, Map<String, Long> into) {
    for (String t : Tables.DATA_TABLES) {
      into.put(t, lake.read(t).count());
    }
  }

  static Row kharkiv(Lake lake) {
    return lake.read(Tables.EVENTS).filter(array_contains(col("doc_ids"), "k1")).first();
  }

  @Test
  void aLateArticleJoinsTheEventItReports() {
    Row k = kharkiv(a);
    assertEquals(kharkivEventAfterNight1, k.getAs("event_id"), "the event keeps its id");
    assertEquals(List.of("k1", "k2"), k.getList(k.fieldIndex("doc_ids")));
    assertEquals(LocalDate.parse("2026-03-05"), k.<Date>getAs("event_date").toLocalDate());
    assertEquals(2.5, k.<Double>getAs("killed_median"));
    assertEquals(1L, a.read(Tables.EVENTS).filter(col("place").equalTo("Kharkiv")
        .and(col("event_date").geq("2026-03-05"))).count(), "one event, not two");
  }

  @Test
  void nightsAddRowsAndTheReportIsWritten() {
    assertTrue(afterNight2.get(Tables.ARTICLES) > afterNight1.get(Tables.ARTICLES));
    assertTrue(afterNight2.get(Tables.EVENTS) > afterNight1.get(Tables.EVENTS));
    assertTrue(Files.exists(Path.of(a.root().replace("file:", "")).resolve("reports/2026-03-07/report.html")));
    long days = a.read(Tables.STRIKE_TRENDS).filter(col("period").equalTo("day").and(col("area").equalTo("UA")))
        .count();
    Row range = a.read(Tables.ARTICLES).agg(min("published_date"), max("published_date")).first();
    assertTrue(days >= range.getDate(1).toLocalDate().toEpochDay() - LocalDate.parse("2026-03-02").toEpochDay(),
        "a trend row for every day to the last article: " + days);
  }

  @Test
  void runningANightTwiceChangesNothing() {
    Map<String, Long> now = new TreeMap<>();
    counts(a, now);
    assertEquals(afterNight2, now);
    // every table, row for row, against its own version before the repeat (Delta time travel)
    for (String t : Tables.DATA_TABLES) {
      Dataset<Row> before = spark().read().format("delta").option("versionAsOf", versionAfterNight2.get(t))
          .load(a.path(t));
      Dataset<Row> after = a.read(t);
      assertEquals(0, before.exceptAll(after).count() + after.exceptAll(before).count(), t + " changed");
    }
  }

  @Test
  void nightsOutOfOrderEndInTheSameLake() {
    for (String t : Tables.DATA_TABLES) {
      Dataset<Row> x = a.read(t);
      Dataset<Row> y = b.read(t).select(x.columns()[0], Arrays.copyOfRange(x.columns(), 1,
          x.columns().length));
      assertEquals(0, x.exceptAll(y).count() + y.exceptAll(x).count(), () -> t + " differs: "
          + x.exceptAll(y).limit(5).collectAsList() + " vs " + y.exceptAll(x).limit(5).collectAsList());
      assertEquals(x.count(), y.count(), t + " rows");
    }
  }

  @Test
  void aSecondRunOnTheSameLakeIsRefused() throws Exception {
    Path lock = Path.of(URI.create(a.root())).resolve(LakeLock.FILE);
    Files.writeString(lock, "run test-holder (nightly) on host h, pid 1, since 2026-03-07T00:00:00Z");
    long before = a.read(Tables.ARTICLES).count();
    StringWriter err = new StringWriter();
    int code = Frontline.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true), "nightly",
        "--date", "2026-03-07", "--input", nights.get("2").toString(), "--lake", a.root());
    Files.delete(lock);
    assertEquals(1, code);
    assertTrue(err.toString().contains("the lake is in use by another Frontline run: run test-holder (nightly)"),
        err.toString());
    assertEquals(before, a.read(Tables.ARTICLES).count());
  }

  @Test
  void aNightsFileSentAgainCorrectedLeavesNoRowOfItsOldVersion() throws Exception {
    // the night's file again, one article without a strike re-dated a day earlier and another withdrawn: the
    // rows the first version left under the old day, or of the withdrawn article, must go
    Lake c = new Lake(spark(), copyTree(Path.of(URI.create(a.root())), dir.resolve("corrected")).toString());
    List<Row> quiet = c.read(Tables.ARTICLES).filter(col("source_file").endsWith("night-2.jsonl")
            .and(col("published_date").isNotNull()))
        .join(c.read(Tables.MENTIONS).select("doc_id"), new String[] {"doc_id"}, "left_anti")
        .orderBy("doc_id").select("doc_id", "published_date", "title", "text").limit(2).collectAsList();
    assertEquals(2, quiet.size(), "two articles of the night without a strike");
    String redated = quiet.get(0).getString(0);
    LocalDate newDay = quiet.get(0).getDate(1).toLocalDate().minusDays(1);
    String withdrawn = quiet.get(1).getString(0);
    Path file = nights.get("2");
    List<String> original = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<String> corrected = new ArrayList<>();
    for (String l : original) {
      String id = new ObjectMapper().readTree(l).path("doc_id").asText();
      if (id.equals(redated)) {
        corrected.add(line(redated, newDay + "T09:00:00Z", quiet.get(0).getString(2), quiet.get(0).getString(3)));
      } else if (!id.equals(withdrawn)) {
        corrected.add(l);
      }
    }
    assertEquals(original.size() - 1, corrected.size(), "one record withdrawn");
    try {
      Files.write(file, corrected, StandardCharsets.UTF_8);
      assertEquals(0, nightly(c, "2", "2026-03-07"));
    } finally {
      Files.write(file, original, StandardCharsets.UTF_8);
    }
    List<Row> rows = c.read(Tables.ARTICLE_TOPICS).filter(col("doc_id").equalTo(redated)).collectAsList();
    assertEquals(1, rows.size(), "one topic row for the re-dated article: " + rows);
    assertEquals(Date.valueOf(newDay), rows.get(0).getAs("published_date"));
    assertEquals(0, c.read(Tables.ARTICLE_TOPICS).filter(col("doc_id").equalTo(withdrawn)).count(),
        "the withdrawn article has no topic row");
    // every assignment is of a kept article, one each
    Dataset<Row> kept = c.read(Tables.ARTICLES).select("doc_id");
    Dataset<Row> assigned = c.read(Tables.ARTICLE_TOPICS).select("doc_id");
    assertEquals(0, assigned.exceptAll(kept).count() + kept.exceptAll(assigned).count());
  }

  @Test
  void theNightsTopicsEqualAFullRecomputeWithTheSameModel() throws Exception {
    // the nights assigned only their articles and recomputed only the trend periods they touched; applying
    // the same model to every article and recomputing every period must give the same rows
    Path full = copyTree(Path.of(URI.create(a.root())), dir.resolve("a-full"));
    assertEquals(0, frontline("topics", "--lake", full.toString()));
    Lake f = new Lake(spark(), full.toString());
    for (String t : List.of(Tables.ARTICLE_TOPICS, Tables.TOPICS, Tables.TOPIC_TRENDS)) {
      Dataset<Row> x = a.read(t);
      Dataset<Row> y = f.read(t);
      assertTrue(x.count() > 0, t + " is empty");
      assertEquals(0, x.exceptAll(y).count() + y.exceptAll(x).count(), () -> t + " differs: "
          + x.exceptAll(y).limit(5).collectAsList() + " vs " + y.exceptAll(x).limit(5).collectAsList());
    }
    assertTrue(a.read(Tables.TOPIC_TRENDS).filter(col("period_start").equalTo("2026-03-07")
        .and(col("articles").gt(0))).count() > 0, "the last night's day has topic rows");
  }

  @Test
  void theNightlySummariesKeepEveryKeyAndValue() throws Exception {
    SummaryGolden.check(SummaryGolden.read(Path.of(a.root().replaceFirst("^file:", "")), "nightly", "2026-03-05"),
        dir, "nightly-a-2026-03-05");
    SummaryGolden.check(SummaryGolden.read(Path.of(b.root().replaceFirst("^file:", "")), "nightly", "2026-03-07"),
        dir, "nightly-b-2026-03-07");
  }
}
