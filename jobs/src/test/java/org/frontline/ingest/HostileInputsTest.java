package org.frontline.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Row;
import org.frontline.SparkTest;
import org.frontline.lake.Lake;
import org.frontline.lake.Tables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Inputs made to hurt, written by this test (none is checked in): a 50 MB article, a 100,000-character line,
 * whitespace-only text, dates in the future, in 1900 and unparseable, non-English text, and a file whose name
 * would break a spliced SQL string. With ingest's defaults (1 MiB per record), every record ends in exactly
 * one place with the right reason, and each file's counts reconcile. {@code IngestJobTest} covers the
 * malformed, truncated, invalid-UTF-8, NUL, HTML-only, conflicting-id, CSV and Parquet cases.
 */
class HostileInputsTest extends SparkTest {
  @TempDir
  static Path dir;
  static Lake lake;
  static IngestResult summary;
  static final ObjectMapper JSON = new ObjectMapper();
  static final String STRIKE = "Russian drones struck an energy facility in the Poltava region overnight, "
      + "the regional governor said; two workers were injured.";
  static final String QUOTED_FILE = "o'hara\"; DROP TABLE articles; --.jsonl";

  static String record(String id, String published, String title, String body) {
    return JSON.createObjectNode().put("doc_id", id).put("published", published).put("title", title)
        .put("outlet", "Hostile Wire").put("body", body).toString();
  }

  /** A JSON-lines record whose body is {@code chars} characters of words, written without holding it twice. */
  static void bigRecord(BufferedWriter w, String id, long chars) throws IOException {
    w.write("{\"doc_id\":\"" + id + "\",\"published\":\"2026-02-04\",\"title\":\"A very long article\",\"body\":\"");
    String words = "drones struck the city overnight and officials said damage was assessed ";
    for (long n = 0; n < chars; n += words.length()) {
      w.write(words, 0, (int) Math.min(words.length(), chars - n));
    }
    w.write("\"}\n");
  }

  static IngestJob.Options defaults(Path in) {
    // ingest's command-line defaults: 1 MiB per record, 0.6 near-duplicate similarity, a 7-day lake window
    return new IngestJob.Options(List.of(in.toString()), null, Map.of(), 1L << 20, 0.6, 7);
  }

  @BeforeAll
  static void ingest() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    try (BufferedWriter w = Files.newBufferedWriter(in.resolve("sizes.jsonl"), StandardCharsets.UTF_8)) {
      bigRecord(w, "huge-50mb", 50L << 20);
      bigRecord(w, "line-100k", 100_000);
      w.write(record("ok-1", "2026-02-04T06:30:00Z", "Drones hit Poltava", STRIKE) + "\n");
      w.write(record("blank", "2026-02-04", "   ", " \t \u00a0\u2003 \n\n ") + "\n");
    }
    // each its own report: texts this close would be near duplicates of one another
    Files.write(in.resolve("dates.jsonl"), List.of(
        record("future", "2099-05-01T00:00:00Z", "From the future", "Officials in Sumy said a missile hit a grain "
            + "warehouse near the border on Monday evening and nobody was hurt."),
        record("nineteen-hundred", "1900-01-01", "From 1900", "Shelling damaged a school and three houses in Nikopol "
            + "during the afternoon, the district head wrote on Telegram."),
        record("unparseable", "the day after the strike", "No date", "A drone fell on a petrol station in Kherson, "
            + "starting a fire that rescuers put out within an hour."),
        record("epoch-ms", "1770186600000", "Epoch milliseconds", "Air defence shot down eleven drones over the Kyiv "
            + "region before dawn, and debris damaged two cars in Bucha.")), StandardCharsets.UTF_8);
    Files.write(in.resolve("languages.jsonl"), List.of(
        record("uk-1", "2026-02-04", "Атака на Полтавщину", "Уночі російські дрони атакували енергетичний об'єкт "
            + "на Полтавщині, повідомив голова обласної адміністрації; двоє працівників поранені."),
        record("de-1", "2026-02-04", "Angriff auf Poltawa", "In der Nacht griffen russische Drohnen eine "
            + "Energieanlage in der Region Poltawa an, zwei Arbeiter wurden verletzt, teilte der Gouverneur mit."),
        record("ar-1", "2026-02-04", "هجوم", "هاجمت طائرات مسيرة منشأة للطاقة في منطقة بولتافا ليلا وأصيب عاملان")),
        StandardCharsets.UTF_8);
    Files.write(in.resolve(QUOTED_FILE), List.of(
        record("quoted-1", "2026-02-05", "A file with quotes in its name", "Guided bombs hit an industrial site "
            + "in Kramatorsk at noon; the city council counted four wounded.")),
        StandardCharsets.UTF_8);
    lake = new Lake(spark(), dir.resolve("lake").toString());
    summary = new IngestJob(spark(), lake, defaults(in)).run();
  }

  private static Map<String, long[]> perFile(IngestResult s) {
    Map<String, long[]> m = new HashMap<>();
    for (IngestResult.FileCounts f : s.files()) {
      m.put(f.file().replaceAll(".*/", ""), new long[] {f.read(), f.kept(), f.duplicates(), f.quarantined()});
    }
    return m;
  }

  private static Row article(String id) {
    List<Row> rows = lake.read(Tables.ARTICLES).where(col("doc_id").equalTo(id)).collectAsList();
    assertEquals(1, rows.size(), id);
    return rows.get(0);
  }

  private static Row quarantined(String id) {
    List<Row> rows = lake.read(Tables.QUARANTINE).where(col("doc_id").equalTo(id)).collectAsList();
    assertEquals(1, rows.size(), id);
    return rows.get(0);
  }

  @Test
  void everyFileReconcilesExactly() {
    assertTrue(summary.reconciled());
    Map<String, long[]> files = perFile(summary);
    assertArrayEquals(new long[] {4, 2, 0, 2}, files.get("sizes.jsonl"));
    assertArrayEquals(new long[] {4, 4, 0, 0}, files.get("dates.jsonl"));
    assertArrayEquals(new long[] {3, 3, 0, 0}, files.get("languages.jsonl"));
    assertArrayEquals(new long[] {1, 1, 0, 0}, files.get(QUOTED_FILE));
    long rows = lake.read(Tables.ARTICLES).count() + lake.read(Tables.DUPLICATES).count()
        + lake.read(Tables.QUARANTINE).count();
    assertEquals(12, rows, "every record is in exactly one table");
  }

  @Test
  void oversizedRecordsAreQuarantinedWithTheirSizeAndAShortenedRaw() {
    // too large to be parsed: found by its file and reason; its position says where it starts
    List<Row> tooLarge = lake.read(Tables.QUARANTINE).where(col("reason").equalTo("RECORD_TOO_LARGE")).collectAsList();
    assertEquals(1, tooLarge.size());
    Row huge = tooLarge.get(0);
    assertTrue(huge.<String>getAs("source_file").endsWith("sizes.jsonl"));
    assertEquals(0L, huge.<Long>getAs("position"), "the first record of its file");
    assertTrue(huge.<String>getAs("raw").startsWith("{\"doc_id\":\"huge-50mb\""));
    assertEquals("RECORD_TOO_LARGE", huge.getAs("reason"));
    assertTrue(huge.<Long>getAs("raw_length") > 50L << 20, "raw_length " + huge.getAs("raw_length"));
    assertEquals(RecordReaders.RAW_KEEP_CHARS, huge.<String>getAs("raw").length());
    Row line = article("line-100k");
    assertEquals(100_000, line.<String>getAs("text").length());
    assertEquals("en", line.getAs("language"));
    assertEquals("NO_TEXT", quarantined("blank").getAs("reason"));
  }

  @Test
  void implausibleDatesAreKeptWithoutADateAndSaySo() {
    assertEquals("out_of_range", article("future").getAs("date_status"));
    assertNull(article("future").getAs("published_date"));
    assertEquals("out_of_range", article("nineteen-hundred").getAs("date_status"));
    assertNull(article("nineteen-hundred").getAs("published_date"));
    assertEquals("unparseable", article("unparseable").getAs("date_status"));
    assertEquals("ok", article("epoch-ms").getAs("date_status"));
    assertEquals("2026-02-04", article("epoch-ms").getAs("published_date").toString());
  }

  @Test
  void nonEnglishArticlesAreKeptAndTagged() {
    assertEquals("uk", article("uk-1").getAs("language"));
    assertEquals("de", article("de-1").getAs("language"));
    assertEquals("ar", article("ar-1").getAs("language"));
  }

  @Test
  void aFileNameWithQuotesIsDataNotSqlAndARerunReplacesItsRows() {
    assertEquals("quoted-1", lake.read(Tables.ARTICLES)
        .where(col("source_file").endsWith(QUOTED_FILE)).first().getAs("doc_id"));
    long articles = lake.read(Tables.ARTICLES).count();
    IngestResult again = new IngestJob(spark(), lake, defaults(dir.resolve("in"))).run();
    assertEquals(totals(summary), totals(again));
    assertEquals(articles, lake.read(Tables.ARTICLES).count(), "replaced, not doubled");
    assertEquals(articles, lake.read(Tables.ARTICLES).select("doc_id").distinct().count());
  }

  private static List<Long> totals(IngestResult r) {
    return List.of(r.read(), r.kept(), r.duplicates(), r.quarantined());
  }
}
