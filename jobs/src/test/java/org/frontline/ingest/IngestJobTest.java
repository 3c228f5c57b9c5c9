package org.frontline.ingest;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.frontline.SparkTest;
import org.frontline.lake.Lake;
import org.frontline.lake.Tables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

import static org.apache.spark.sql.functions.*;
import static org.junit.jupiter.api.Assertions.*;

/** Ingest end to end over hand-written files in every format, each bad record in its own way. */
class IngestJobTest extends SparkTest {
  @TempDir
  static Path dir;
  static Lake lake;
  static IngestResult first;

  static final String STRIKE = "Russia launched 84 missiles and 24 drones at Ukraine overnight, the Air Force said. "
      + "In Lviv, a power substation was hit and two people were injured.";

  static String line(String id, String title, String body) {
    return "{\"doc_id\":" + (id == null ? "null" : "\"" + id + "\"") + ",\"title\":\"" + title
        + "\",\"published\":\"2026-02-04T06:30:00Z\",\"outlet\":\"Test Wire\",\"body\":\"" + body + "\"}";
  }

  @BeforeAll
  static void ingest() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    ByteArrayOutputStream jsonl = new ByteArrayOutputStream();
    for (String l : List.of(
        line("j1", "Drones hit Lviv", STRIKE),
        "{\"doc_id\": \"j2\", \"title\": \"broken",
        "",
        line("j4", "No id below", "x"),
        line(null, "Missing id", "Text without an id."),
        line("j6", "Artillery shell hits apartment block in Kyiv", ""),
        line("j7", "", "<script>var a = 1;</script><p> </p>"),
        line("j1", "Drones hit Lviv", STRIKE),
        line("j1", "Drones hit Lviv", "A different text under the same id."),
        line("j10", "Drones hit Lviv", STRIKE),
        line("j11", "Big", "y".repeat(6000)))) {
      jsonl.write(l.getBytes(StandardCharsets.UTF_8));
      jsonl.write('\n');
    }
    jsonl.write("{\"doc_id\":\"j12\",\"title\":\"bad bytes \u0000".getBytes(StandardCharsets.UTF_8));
    jsonl.write(new byte[] {(byte) 0xC3, (byte) 0x28, '"', '}', '\n'});
    Files.write(in.resolve("a.jsonl"), jsonl.toByteArray());

    Files.writeString(in.resolve("b.csv"), "id,headline,pubDate,lead,content\n"
        + "c1,\"Kharkiv, again\",February 4 2026,\"First line\nsecond line, with a comma\","
        + "\"She said \"\"enough\"\".\"\n"
        + "c2,Short row,04.02.2026\n"
        + "c3,Odesa port hit,04.02.2026,,Drones struck port infrastructure in Odesa on Tuesday.\n");

    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
      for (int i = 0; i < 200; i++) {
        z.write((line("g" + i, "Report number " + i, "Unique text " + i + " " + "word".repeat(i % 7)) + "\n")
            .getBytes(StandardCharsets.UTF_8));
      }
    }
    byte[] full = gz.toByteArray();
    Files.write(in.resolve("c.jsonl.gz"), Arrays.copyOf(full, full.length - 20));

    Files.writeString(in.resolve("seed-like.txt"), String.join("\n\n",
        "Strikes go on while envoys talk", "Strikes go on while envoys talk",
        "Russian drones struck the Dnipropetrovsk region overnight, killing two civilians.",
        "Advertisement", "Add a Comment", "Leave a Reply", "Keep Up to Date with the Most Important News"));

    spark().createDataFrame(List.of(
            RowFactory.create("p1", "Sumy shelled", 7),
            RowFactory.create("p2", null, null)),
        new StructType().add("id", "string").add("headline", "string").add("body", "int"))
        .coalesce(1).write().parquet(in.resolve("d.parquet").toString());

    lake = new Lake(spark(), dir.resolve("lake").toString());
    IngestJob.Options options = new IngestJob.Options(List.of(in.toString()), null, Map.of(), 5000, 0.6, 7);
    first = new IngestJob(spark(), lake, options).run();
  }

  private static Map<String, String> quarantine() {
    Map<String, String> m = new TreeMap<>();
    for (Row r : lake.read(Tables.QUARANTINE).collectAsList()) {
      String file = r.<String>getAs("source_file");
      m.put(file.substring(file.lastIndexOf('/') + 1) + "@" + r.getAs("position"), r.getAs("reason"));
    }
    return m;
  }

  @Test
  void everyRecordEndsInExactlyOnePlaceAndTheSummaryReconciles() {
    assertTrue(first.reconciled());
    assertEquals(first.read(), first.kept() + first.duplicates() + first.quarantined());
    Map<String, long[]> perFile = new HashMap<>();
    for (IngestResult.FileCounts f : first.files()) {
      String name = f.file().contains("/d.parquet/") ? "d.parquet" : f.file().replaceAll(".*/", "");
      perFile.put(name, new long[] {f.read(), f.kept(), f.duplicates(), f.quarantined()});
    }
    assertArrayEquals(new long[] {11, 3, 2, 6}, perFile.get("a.jsonl"));
    assertArrayEquals(new long[] {3, 2, 0, 1}, perFile.get("b.csv"));
    assertArrayEquals(new long[] {1, 1, 0, 0}, perFile.get("seed-like.txt"));
    assertArrayEquals(new long[] {2, 1, 0, 1}, perFile.get("d.parquet"));
    long[] gz = perFile.get("c.jsonl.gz");
    assertEquals(gz[0], gz[1] + gz[2] + gz[3]);
    assertEquals(1, gz[3], "the truncated end is one TRUNCATED_INPUT record");
    assertTrue(gz[1] > 150, "records before the cut are kept: " + gz[1]);
  }

  @Test
  void badRecordsAreQuarantinedWithReasonPositionAndRawText() {
    Map<String, String> q = quarantine();
    assertTrue(q.containsValue("MALFORMED_JSON"));
    assertTrue(q.containsValue("NO_ID"));
    assertTrue(q.containsValue("NO_TEXT"));
    assertTrue(q.containsValue("ID_CONFLICT"));
    assertTrue(q.containsValue("RECORD_TOO_LARGE"));
    assertTrue(q.containsValue("INVALID_UTF8"));
    assertTrue(q.containsValue("TRUNCATED_INPUT"));
    assertEquals("WRONG_COLUMN_COUNT", q.get("b.csv@4"), q.toString());
    Row broken = lake.read(Tables.QUARANTINE).where(col("reason").equalTo("MALFORMED_JSON")).first();
    assertEquals("byte", broken.getAs("position_kind"));
    assertTrue(((Long) broken.getAs("position")) > 0);
    assertEquals("{\"doc_id\": \"j2\", \"title\": \"broken", broken.getAs("raw"));
    Row big = lake.read(Tables.QUARANTINE).where(col("reason").equalTo("RECORD_TOO_LARGE")).first();
    assertEquals(RecordReaders.RAW_KEEP_CHARS, ((String) big.getAs("raw")).length());
  }

  @Test
  void duplicatesPointToTheirRepresentative() {
    Map<String, String> dup = new TreeMap<>();
    for (Row r : lake.read(Tables.DUPLICATES).where(col("source_file").endsWith("a.jsonl")).collectAsList()) {
      dup.put(r.getAs("doc_id") + ":" + r.getAs("kind"), r.getAs("duplicate_of"));
    }
    assertEquals(Map.of("j1:same_id", "j1", "j10:exact", "j1"), dup);
  }

  @Test
  void keptArticlesAreCleanedAndTyped() {
    Dataset<Row> articles = lake.read(Tables.ARTICLES);
    Row c1 = articles.where(col("doc_id").equalTo("c1")).first();
    assertEquals("Kharkiv, again", c1.getAs("title"));
    assertEquals("First line\nsecond line, with a comma\nShe said \"enough\".", c1.getAs("text"));
    assertEquals("2026-02-04", c1.getAs("published_date").toString());
    Row title = articles.where(col("doc_id").equalTo("j6")).first();
    assertNull(title.getAs("text"));
    Row seed = articles.where(col("doc_id").equalTo("seed-like")).first();
    assertEquals("Strikes go on while envoys talk", seed.getAs("title"));
    assertEquals("Russian drones struck the Dnipropetrovsk region overnight, killing two civilians.",
        seed.getAs("text"));
    assertEquals("missing", seed.getAs("date_status"));
    assertNull(seed.getAs("published_date"));
    assertEquals("en", articles.where(col("doc_id").equalTo("j1")).first().getAs("language"));
    Row parquet = articles.where(col("doc_id").equalTo("p1")).first();
    assertEquals("Sumy shelled", parquet.getAs("title"));
    assertEquals("7", parquet.getAs("text"));
    assertEquals(2, first.keptWithoutDate(), "the TXT and the Parquet record have no date");
  }

  @Test
  void aRerunOverTheSameFilesReplacesItsRowsInsteadOfDoublingThem() {
    long articles = lake.read(Tables.ARTICLES).count();
    long quarantined = lake.read(Tables.QUARANTINE).count();
    long duplicates = lake.read(Tables.DUPLICATES).count();
    IngestResult again = new IngestJob(spark(), lake, new IngestJob.Options(List.of(dir.resolve("in").toString()),
        null, Map.of(), 5000, 0.6, 7)).run();
    assertEquals(totals(first), totals(again));
    assertEquals(articles, lake.read(Tables.ARTICLES).count());
    assertEquals(quarantined, lake.read(Tables.QUARANTINE).count());
    assertEquals(duplicates, lake.read(Tables.DUPLICATES).count());
    assertEquals(articles, lake.read(Tables.ARTICLES).select("doc_id").distinct().count());
  }

  private static List<Long> totals(IngestResult r) {
    return List.of(r.read(), r.kept(), r.duplicates(), r.quarantined());
  }
}
