package org.frontline.ingest;

import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.frontline.SparkTest;
import org.frontline.lake.Lake;
import org.frontline.lake.Tables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.*;
import static org.frontline.ingest.NearDuplicateMarkerTest.CHANGED_SENTENCE;
import static org.frontline.ingest.NearDuplicateMarkerTest.ORIGINAL;
import static org.frontline.ingest.NearDuplicateMarkerTest.OTHER_REPORT_SAME_STRIKE;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The {@code band_keys} table: written with {@code articles}, row for row; later ingests find near copies of
 * lake articles through it; demoted articles leave it; a lake without it (written before it existed) is
 * signed from its text where an ingest reads it, and ends with the same tables.
 */
class BandKeysTest extends SparkTest {
  @TempDir
  static java.nio.file.Path dir;
  static Lake lake;
  static Map<String, String> nearAfterNight2;
  static long articlesAfterNight2;
  static Map<String, String> nearAfterNight3;
  static List<String> conflictsAfterNight3;
  static boolean keysInStepAfterNight1;
  static boolean keysInStepAfterNight2;
  static List<Row> keysAfterNight2;

  static String line(String id, String published, String body) {
    return "{\"doc_id\":\"" + id + "\",\"title\":\"Strike on Zaporizhzhia\",\"published\":\"" + published
        + "\",\"outlet\":\"Wire " + id + "\",\"body\":\"" + body + "\"}";
  }

  static IngestResult ingest(String file, String... lines) throws IOException {
    java.nio.file.Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve(file), String.join("\n", lines) + "\n");
    return new IngestJob(spark(), lake, IngestJob.Options.of(List.of(in.resolve(file).toString()))).run();
  }

  static Map<String, String> nearDuplicates() {
    Map<String, String> m = new TreeMap<>();
    for (Row r : lake.read(Tables.DUPLICATES).collectAsList()) {
      m.put(r.getAs("doc_id"), r.getAs("kind") + "->" + r.getAs("duplicate_of"));
    }
    return m;
  }

  /** {@code band_keys} holds exactly the articles' keys and dates, each signed as the marker signs its text. */
  static boolean keysInStep() {
    Dataset<Row> articles = lake.read(Tables.ARTICLES).select("doc_id", "source_file", "published_date");
    Dataset<Row> keys = lake.read(Tables.BAND_KEYS).select("doc_id", "source_file", "published_date");
    NearDuplicateMarker marker = new NearDuplicateMarker();
    Dataset<Row> signed = marker.sign(lake.read(Tables.ARTICLES)
            .withColumn("content", nullif(concat_ws("\n", col("title"), col("text")), lit(""))))
        .select("doc_id", "source_file", NearDuplicateMarker.SHINGLES, NearDuplicateMarker.NUMBERS,
            NearDuplicateMarker.BAND_KEYS)
        .withColumn("scheme", lit(marker.scheme()));
    Dataset<Row> stored = lake.read(Tables.BAND_KEYS).select("doc_id", "source_file", NearDuplicateMarker.SHINGLES,
        NearDuplicateMarker.NUMBERS, NearDuplicateMarker.BAND_KEYS, "scheme");
    return articles.exceptAll(keys).isEmpty() && keys.exceptAll(articles).isEmpty()
        && signed.exceptAll(stored).isEmpty() && stored.exceptAll(signed).isEmpty();
  }

  @BeforeAll
  static void nights() throws IOException {
    lake = new Lake(spark(), dir.resolve("lake").toString());
    ingest("night1.jsonl",
        line("a1", "2026-02-04T08:00:00Z", ORIGINAL),
        line("a2", "2026-02-04T09:00:00Z", OTHER_REPORT_SAME_STRIKE),
        line("a3", "2026-02-04T10:00:00Z", "Drones struck a port in Odesa overnight, the navy said on Wednesday."));
    keysInStepAfterNight1 = keysInStep();
    // a later copy of a1 with one sentence changed: a near duplicate of a lake article, found through band_keys
    ingest("night2.jsonl", line("b1", "2026-02-05T07:00:00Z", CHANGED_SENTENCE),
        line("b2", "2026-02-05T08:00:00Z", "A new report about shelling in Kherson with 4 injured."));
    nearAfterNight2 = nearDuplicates();
    articlesAfterNight2 = lake.read(Tables.ARTICLES).count();
    keysInStepAfterNight2 = keysInStep();
    keysAfterNight2 = lake.read(Tables.BAND_KEYS).orderBy("doc_id").collectAsList();
    // a copy of a2 published before it: a2 is demoted and leaves band_keys with articles. band_keys is
    // deleted first, as in a lake written before it existed: the window's articles are signed from their text
    lake.fs().delete(new Path(lake.path(Tables.BAND_KEYS)), true);
    // and a3 again, published earlier with another text: the lake's a3 is quarantined as an id conflict
    ingest("night3.jsonl", line("c1", "2026-02-04T06:00:00Z", OTHER_REPORT_SAME_STRIKE.replace("southern",
        "industrial")), line("a3", "2026-02-04T05:00:00Z", "Shelling hit a school in Kherson; nobody was hurt."));
    nearAfterNight3 = nearDuplicates();
    conflictsAfterNight3 = lake.read(Tables.QUARANTINE).where(col("reason").equalTo("ID_CONFLICT"))
        .select(col("doc_id"), substring_index(col("source_file"), "/", -1)).collectAsList().stream()
        .map(r -> r.getString(0) + "@" + r.getString(1)).sorted().toList();
  }

  @Test
  void bandKeysHoldEveryArticleSignedAsItsText() {
    assertTrue(keysInStepAfterNight1, "after the first night");
    assertTrue(keysInStepAfterNight2, "after the second night");
    assertEquals(List.of("a1", "a2", "a3", "b2"),
        keysAfterNight2.stream().map(r -> r.<String>getAs("doc_id")).toList());
    assertEquals(20, keysAfterNight2.get(0).getList(keysAfterNight2.get(0).fieldIndex("band_keys")).size());
    assertEquals(new NearDuplicateMarker().scheme(), keysAfterNight2.get(0).getAs("scheme"));
  }

  @Test
  void aNewRecordIsFoundToCopyALakeArticleThroughItsBandKeys() {
    assertEquals(Map.of("b1", "near->a1"), nearAfterNight2);
    assertEquals(4, articlesAfterNight2);
  }

  @Test
  void aLakeWithoutBandKeysIsSignedWhereItIsReadAndDemotedArticlesLeaveThem() {
    assertEquals(Map.of("b1", "near->a1", "a2", "near->c1"), nearAfterNight3);
    assertEquals(List.of("a3@night1.jsonl"), conflictsAfterNight3);
    assertEquals(List.of("a1", "a3", "b2", "c1"), lake.read(Tables.ARTICLES).orderBy("doc_id").collectAsList()
        .stream().map(r -> r.<String>getAs("doc_id")).toList());
    assertTrue(keysInStep(), "band_keys again holds every article, the demoted one excluded");
  }
}
