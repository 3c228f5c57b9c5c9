package org.frontline.cli;

import org.frontline.SparkTest;
import org.frontline.generate.CorpusGenerator;
import org.frontline.lake.LakeLock;
import org.frontline.lake.Tables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The driver killed with SIGKILL in the middle of a table write, in a JVM of its own, then the same command run
 * again: the killed write is invisible to readers (the table is as before it), the lock it left is taken over,
 * and the lake ends identical to one that was never interrupted (no lost rows, no doubled ones).
 */
class CrashRerunTest extends SparkTest {
  @TempDir
  static Path dir;
  static Path dayOne;
  static Path dayTwo;
  static Path base;
  static Path reference;
  static final String AS_OF = "2026-03-09";

  /** ingest, extract and events of one input file, as a nightly run does them. */
  static void day(Path lake, Path input) {
    Cli.ok("ingest", "--input", input.toString(), "--lake", lake.toString(), "--master", "local[2]");
    Cli.ok("extract", "--as-of", AS_OF, "--lake", lake.toString(), "--master", "local[2]");
    Cli.ok("events", "--lake", lake.toString(), "--master", "local[2]");
  }

  @BeforeAll
  static void build() throws Exception {
    spark();
    Path gen = dir.resolve("gen");
    new CorpusGenerator(new CorpusGenerator.Options(600, 23, gen, 2, List.of("jsonl"), LocalDate.parse("2026-03-02"),
        6)).write();
    dayOne = gen.resolve("corpus/part-00000.jsonl");
    dayTwo = gen.resolve("corpus/part-00001.jsonl");
    base = dir.resolve("base");
    day(base, dayOne);
    reference = copyTree(base, dir.resolve("reference"));
    day(reference, dayTwo);
  }

  /** Runs Frontline in a JVM of its own with the fault listener; returns its exit code and output. */
  static Result killedDuringWriteOf(Path table, Path log, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (!a.startsWith("-Xmx") && !a.startsWith("-agentlib") && !a.startsWith("-javaagent")) {
        cmd.add(a);
      }
    }
    cmd.addAll(List.of("-Xmx1g", "-Dspark.extraListeners=" + KillDuringWrite.class.getName(),
        "-Dfrontline.test.killDuringWriteOf=" + table, "-cp", System.getProperty("java.class.path"),
        Frontline.class.getName()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process p = pb.start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the child JVM did not end");
    return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  record Result(int code, String output) {}

  static int compare(Path left, Path right, String... tables) {
    List<String> args = new ArrayList<>(List.of("compare", "--left", left.toString(), "--right", right.toString(),
        "--master", "local[2]"));
    if (tables.length > 0) {
      args.addAll(List.of("--table", String.join(",", tables)));
    }
    return Frontline.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
        args.toArray(new String[0]));
  }

  /** Data files in the table's directory that its Delta log does not list: what the killed write left. */
  static long unreferencedFiles(Path table) throws IOException {
    String log;
    try (Stream<Path> commits = Files.list(table.resolve("_delta_log"))) {
      StringBuilder b = new StringBuilder();
      for (Path c : (Iterable<Path>) commits.filter(f -> f.toString().endsWith(".json"))::iterator) {
        b.append(Files.readString(c));
      }
      log = b.toString();
    }
    try (Stream<Path> files = Files.walk(table)) {
      return files.filter(f -> f.toString().endsWith(".parquet") && !f.toString().contains("_delta_log"))
          .filter(f -> !log.contains(f.getFileName().toString())).count();
    }
  }

  @Test
  void driverKilledDuringIngestsWriteThenRerun() throws Exception {
    Path lake = copyTree(base, dir.resolve("ingest-crash"));
    Result r = killedDuringWriteOf(lake.resolve("articles"), dir.resolve("ingest-crash.log"),
        "ingest", "--input", dayTwo.toString(), "--lake", lake.toString(), "--master", "local[2]");
    assertEquals(137, r.code(), r.output());
    assertTrue(r.output().contains("[fault] SIGKILL during the write of"), r.output());
    assertTrue(Files.exists(lake.resolve(LakeLock.FILE)), "a killed run leaves its lock");
    assertTrue(unreferencedFiles(lake.resolve("articles")) > 0, "the write had begun");
    assertEquals(0, compare(lake, base, "articles"), "readers see the killed write's table as before the run");
    // ingest's other three tables are written side by side with articles, each in a commit of its own: each
    // reads as before the run or as the uninterrupted run leaves it, never partly written
    for (String table : List.of("band_keys", "duplicates", "quarantine")) {
      assertTrue(compare(lake, base, table) == 0 || compare(lake, reference, table) == 0,
          table + " is neither as before the run nor as after it");
    }
    List<String> later = new ArrayList<>(Tables.DATA_TABLES);
    later.removeAll(List.of("articles", "band_keys", "duplicates", "quarantine"));
    assertEquals(0, compare(lake, base, later.toArray(new String[0])), "the later stages' tables are untouched");

    day(lake, dayTwo);
    assertFalse(Files.exists(lake.resolve(LakeLock.FILE)));
    assertEquals(0, compare(lake, reference), "the rerun ends where an uninterrupted run ends");
  }

  @Test
  void driverKilledDuringTheWriteOfEventsThenRerun() throws Exception {
    Path lake = copyTree(base, dir.resolve("events-crash"));
    Cli.ok("ingest", "--input", dayTwo.toString(), "--lake", lake.toString(), "--master", "local[2]");
    Cli.ok("extract", "--as-of", AS_OF, "--lake", lake.toString(), "--master", "local[2]");
    Result r = killedDuringWriteOf(lake.resolve("events"), dir.resolve("events-crash.log"),
        "events", "--lake", lake.toString(), "--master", "local[2]");
    assertEquals(137, r.code(), r.output());
    assertTrue(unreferencedFiles(lake.resolve("events")) > 0, "the write had begun");
    assertEquals(0, compare(lake, base, "events"), "readers see the events table as it was before");

    Cli.ok("events", "--lake", lake.toString(), "--master", "local[2]");
    assertEquals(0, compare(lake, reference), "the rerun ends where an uninterrupted run ends");
  }
}
