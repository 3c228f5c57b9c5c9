package org.frontline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.spark.sql.Row;
import org.frontline.SparkTest;
import org.frontline.generate.CorpusGenerator;
import org.frontline.lake.Tables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The command line: exit codes, one-line errors, export in every format. */
class FrontlineCliTest extends SparkTest {
  @TempDir
  static Path dir;
  static Path corpus;
  static Path lake;

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    spark(); // the commands reuse the shared test session
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Frontline.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(code, out.toString(), err.toString());
  }

  @BeforeAll
  static void ingestSmallCorpus() throws Exception {
    new CorpusGenerator(new CorpusGenerator.Options(120, 3, dir.resolve("gen"), 2, List.of("jsonl", "csv"),
        LocalDate.parse("2026-02-01"), 7)).write();
    corpus = dir.resolve("gen/corpus");
    lake = dir.resolve("lake");
    Result r = run("run", "--input", corpus.toString(), "--lake", lake.toString(), "--as-of", "2026-11-27",
        "--k", "3", "--restarts", "2", "--min-df", "2");
    assertEquals(0, r.code(), r.err());
  }

  @Test
  void everyRunLeavesItsOwnLogNextToTheLake() throws Exception {
    List<Path> logs;
    try (var files = Files.list(lake.resolve("logs"))) {
      logs = files.filter(f -> f.getFileName().toString().matches("run-\\d{8}T\\d{6}Z-run-[0-9a-f]{4}\\.log"))
          .toList();
    }
    assertEquals(1, logs.size(), "one log for the one run: " + logs);
    String log = Files.readString(logs.get(0));
    assertTrue(log.contains("[ingest] done in") && log.contains("[topics]") && log.contains("[run] done in"), log);
    assertTrue(log.contains("\"run_id\" : \"" + logs.get(0).getFileName().toString().substring(4).replace(".log", "")),
        "the summary, with the run id the file is named after");
  }

  @Test
  void aFailedNightExitsOneAndItsLogSaysWhy() throws Exception {
    Path nightLake = dir.resolve("night-lake");
    Result r = run("nightly", "--date", "2026-03-01", "--input", dir.resolve("no-such-inbox/2026-03-01").toString(),
        "--lake", nightLake.toString(), "--log-dir", dir.resolve("night-logs").toString());
    assertEquals(1, r.code(), r.err());
    String line = r.err().lines().filter(l -> l.startsWith("frontline: ")).findFirst().orElseThrow();
    List<Path> logs;
    try (var files = Files.list(dir.resolve("night-logs"))) {
      logs = files.toList();
    }
    assertEquals(1, logs.size(), logs.toString());
    assertTrue(logs.get(0).getFileName().toString().startsWith("nightly-2026-03-01-"), logs.toString());
    String log = Files.readString(logs.get(0));
    assertTrue(log.contains(line), "the log holds the error line '" + line + "':\n" + log);
    assertTrue(log.contains("[nightly] starting Spark"), log);
  }

  @Test
  void compareSaysWhetherTwoLakesHoldTheSameTables() {
    Result same = run("compare", "--left", lake.toString(), "--right", lake.toString());
    assertEquals(0, same.code(), same.err());
    assertTrue(same.out().lines().anyMatch(l -> l.startsWith("articles") && l.contains("identical")), same.out());
    Result other = run("compare", "--left", lake.toString(), "--right", dir.resolve("empty-lake").toString(),
        "--table", "articles,events");
    assertEquals(1, other.code());
    assertTrue(other.out().contains("articles        DIFFERENT: only in the left lake"), other.out());
  }

  @Test
  void evalTopicsMeasuresTheLakesTopics() {
    Result r = run("eval", "topics", "--lake", lake.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("\"npmi\""), r.out());
    assertTrue(r.out().contains("\"diversity\""), r.out());
    assertTrue(r.out().contains("\"topics\" : 3"), r.out());
    Result missing = run("eval", "topics", "--lake", lake.toString(), "--labels", "no_such_column");
    assertEquals(1, missing.code());
    assertTrue(missing.err().contains("no_such_column"), missing.err());
  }

  @Test
  void helpIsAvailableEverywhere() {
    for (String cmd : List.of("run", "ingest", "extract", "events", "topics", "eval", "generate", "export")) {
      Result r = run(cmd, "--help");
      assertEquals(0, r.code());
      assertTrue(r.out().contains("Usage: frontline " + cmd), r.out());
    }
    assertTrue(run("--help").out().contains("Commands:"));
  }

  @Test
  void usageErrorsAreOneLineAndExitTwo() {
    Result bad = run("ingest", "--input", "x", "--lake", "y", "--bogus");
    assertEquals(2, bad.code());
    assertEquals(1, bad.err().strip().lines().count(), bad.err());
    assertTrue(bad.err().contains("Unknown option: '--bogus'"), bad.err());
    Result format = run("export", "--lake", lake.toString(), "--table", "articles", "--format", "xml", "--out", "o");
    assertEquals(2, format.code());
    assertTrue(format.err().contains("expected one of [jsonl, csv, parquet, acled, geojson, geoparquet]"),
        format.err());
    assertEquals(2, run().code());
  }

  @Test
  void runtimeProblemsAreOneLineAndExitOne() throws Exception {
    Result missing = run("ingest", "--input", dir.resolve("nowhere/*.jsonl").toString(), "--lake", lake.toString());
    assertEquals(1, missing.code());
    assertTrue(missing.err().strip().endsWith("input not found: " + dir.resolve("nowhere/*.jsonl")), missing.err());
    assertFalse(missing.err().contains("\tat "), "no stack trace");

    Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
    Result unwritable = run("ingest", "--input", corpus.toString(), "--lake", file.toString());
    assertEquals(1, unwritable.code());
    assertTrue(unwritable.err().contains("is a file, not a directory"), unwritable.err());

    Path unknown = Files.writeString(dir.resolve("notes.docx"), "x");
    Result type = run("ingest", "--input", unknown.toString(), "--lake", lake.toString());
    assertEquals(1, type.code());
    assertTrue(type.err().contains("unknown input format"), type.err());

    Result table = run("export", "--lake", lake.toString(), "--table", "nope", "--format", "csv",
        "--out", dir.resolve("x.csv").toString());
    assertEquals(1, table.code());
    assertTrue(table.err().contains("table 'nope' does not exist"), table.err());
  }

  @Test
  void exportsEveryTableInEveryFormat() throws Exception {
    for (String table : List.of("articles", "mentions", "events", "topics", "article_topics", "topic_trends")) {
      long rows = spark().read().format("delta").load(lake.resolve(table).toString()).count();
      assertTrue(rows > 0, table);
      for (String format : List.of("jsonl", "csv", "parquet")) {
        Path out = dir.resolve("export/" + table + "." + format);
        Result r = run("export", "--lake", lake.toString(), "--table", table, "--format", format, "--out",
            out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isRegularFile(out), "one file: " + out);
        long n = spark().read().format(format.equals("jsonl") ? "json" : format).option("header", "true")
            .option("multiLine", format.equals("csv")).load(out.toString()).count();
        assertEquals(rows, n, table + " as " + format);
      }
    }
    Path parts = dir.resolve("export/quarantine-dir");
    assertEquals(0, run("export", "--lake", lake.toString(), "--table", "quarantine", "--format", "jsonl",
        "--out", parts.toString()).code());
    assertTrue(Files.isDirectory(parts));
    Row q = spark().read().json(parts.toString()).first();
    assertNotNull(q.getAs("reason"));
  }

  @Test
  void exportsTheEventsForConflictDataAndMapTools() throws Exception {
    long events = spark().read().format("delta").load(lake.resolve("events").toString()).count();
    assertTrue(events > 0);
    Path acled = dir.resolve("geo/events_acled.csv");
    Result r = run("export", "--lake", lake.toString(), "--table", "events", "--format", "acled", "--out",
        acled.toString());
    assertEquals(0, r.code(), r.err());
    try (var parser = CSVFormat.DEFAULT.builder().setHeader().get().parse(Files.newBufferedReader(acled))) {
      assertEquals(org.frontline.export.AcledFormat.COLUMNS, parser.getHeaderNames());
      long n = 0;
      for (var record : parser) {
        assertEquals("Explosions/Remote violence", record.get("event_type"));
        assertTrue(Double.parseDouble(record.get("latitude")) > 40, record.toString());
        n++;
      }
      assertEquals(events, n);
    }
    for (String format : List.of("geojson", "geoparquet")) {
      Path out = dir.resolve("geo/events." + format);
      Result g = run("export", "--lake", lake.toString(), "--table", "events", "--format", format, "--out",
          out.toString());
      assertEquals(0, g.code(), g.err());
      assertTrue(Files.size(out) > 0, out.toString());
      try (var files = Files.list(out.getParent())) {
        assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith(".")).toList(),
            "one file, no hidden checksum or temporary file beside it");
      }
    }
    assertEquals(events,
        new ObjectMapper().readTree(dir.resolve("geo/events.geojson").toFile()).get("features").size());
    Result wrong = run("export", "--lake", lake.toString(), "--table", "mentions", "--format", "geojson", "--out",
        dir.resolve("geo/m.geojson").toString());
    assertEquals(2, wrong.code());
    assertTrue(wrong.err().contains("--format geojson writes the events table"), wrong.err());
  }

  @Test
  void exportsWriteEveryColumnOnEveryRow() throws Exception {
    ObjectMapper json = new ObjectMapper();
    for (String table : Tables.DATA_TABLES) {
      List<String> columns = List.of(Tables.schemaOf(table).fieldNames());
      long rows = spark().read().format("delta").load(lake.resolve(table).toString()).count();
      Path jsonl = dir.resolve("columns/" + table + ".jsonl");
      assertEquals(0, run("export", "--lake", lake.toString(), "--table", table, "--format", "jsonl", "--out",
          jsonl.toString()).code());
      List<String> lines = Files.readAllLines(jsonl).stream().filter(l -> !l.isBlank()).toList();
      assertEquals(rows, lines.size(), table);
      for (String l : lines) {
        List<String> keys = new ArrayList<>();
        json.readTree(l).fieldNames().forEachRemaining(keys::add);
        assertEquals(columns, keys, table + ": every column, in order, on every row: " + l);
      }
      Path csv = dir.resolve("columns/" + table + ".csv");
      assertEquals(0, run("export", "--lake", lake.toString(), "--table", table, "--format", "csv", "--out",
          csv.toString()).code());
      try (var parser = CSVFormat.DEFAULT.builder().setHeader().get()
          .parse(Files.newBufferedReader(csv))) {
        assertEquals(columns, parser.getHeaderNames(), table + ": the CSV header names every column");
        long n = 0;
        for (var record : parser) {
          assertEquals(columns.size(), record.size(), table + ": every column on row " + record.getRecordNumber());
          n++;
        }
        assertEquals(rows, n, table);
      }
    }
    // the events of this corpus include some without casualty figures: their keys are there, as null
    Path events = dir.resolve("columns/events.jsonl");
    assertTrue(Files.readAllLines(events).stream().anyMatch(l -> l.contains("\"killed_median\":null")),
        "a null figure is written as null");
  }

  @Test
  void theRunSummaryIsWrittenUnderRunsAndReconciles() throws Exception {
    try (var files = Files.list(lake.resolve("runs"))) {
      List<Path> runs = files.filter(p -> p.toString().endsWith(".json")).toList();
      assertFalse(runs.isEmpty());
      Row summary = spark().read().option("multiLine", "true").json(runs.get(0).toString()).first();
      long read = summary.getAs("read");
      assertEquals(120, read);
      assertEquals(read, (long) summary.<Long>getAs("kept") + summary.<Long>getAs("duplicates")
          + summary.<Long>getAs("quarantined"));
      assertTrue(summary.<Boolean>getAs("reconciled"));
    }
  }
}
