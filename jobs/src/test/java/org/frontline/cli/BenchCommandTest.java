package org.frontline.cli;

import org.frontline.SparkTest;
import org.frontline.bench.Benchmark.SizeResult;
import org.frontline.bench.StageMeter.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** The benchmark's smoke run (a few thousand articles) and the arithmetic of its last line. */
class BenchCommandTest extends SparkTest {
  @TempDir
  Path dir;

  @Test
  void smokeRunPrintsItsTableAndTheLastLine() throws Exception {
    FrontlineCliTest.Result r = FrontlineCliTest.run("bench", "--sizes", "1000,2000", "--topics-at", "0",
        "--work", dir.toString());
    assertEquals(0, r.code(), r.err());
    String out = r.out();
    System.out.println(out); // the table, in the build's log
    for (String size : List.of("1,000", "2,000")) {
      for (String stage : List.of("baseline", "ingest", "extract", "events", "trends", "pipeline")) {
        assertTrue(Pattern.compile("(?m)^\\s*" + size + "\\s+" + stage + "\\s+\\d+\\.\\d").matcher(out).find(),
            "a row for " + stage + " at " + size + ":\n" + out);
      }
    }
    String[] lines = out.strip().split("\n");
    Matcher last = Pattern.compile("articles_per_s_per_core=(\\d+) ratio_to_baseline=(\\d+\\.\\d\\d)"
        + " scaling_2k_over_1k=(\\d+\\.\\d\\d) driver_heap_mb=(\\d+)").matcher(lines[lines.length - 1]);
    assertTrue(last.matches(), lines[lines.length - 1]);
    assertTrue(Integer.parseInt(last.group(1)) > 0 && Integer.parseInt(last.group(4)) > 0, last.group());
    assertTrue(Files.exists(dir.resolve("bench.json")));
    assertTrue(Files.exists(dir.resolve("corpora/articles-2000-seed-42/COMPLETE")), "the corpus is cached");
    assertFalse(Files.exists(dir.resolve("lake-2000")), "lakes are removed unless --keep-lakes");
  }

  @Test
  void theNightlyBenchRunsOneNightOnACachedLake() throws Exception {
    FrontlineCliTest.Result r = FrontlineCliTest.run("bench", "--nightly", "--sizes", "1000", "--night-articles",
        "200", "--work", dir.toString());
    assertEquals(0, r.code(), r.err());
    String out = r.out();
    System.out.println(out);
    for (String stage : List.of("ingest", "extract", "events", "topics", "trends", "report", "in_turn",
        "night")) {
      assertTrue(Pattern.compile("(?m)^\\s*1,000\\s+200\\s+" + stage + "\\s+\\d+\\.\\d").matcher(out).find(),
          "a row for " + stage + ":\n" + out);
    }
    String[] lines = out.strip().split("\n");
    assertTrue(lines[lines.length - 1].matches("night_s_1k=\\d+\\.\\d night_s_1k=\\d+\\.\\d scaling=1\\.00"),
        lines[lines.length - 1]);
    assertTrue(Files.exists(dir.resolve("corpora/lakes/lake-1000-seed-42/_COMPLETE")), "the lake is cached");
    assertTrue(Files.exists(dir.resolve("bench-nightly.json")));
    assertFalse(Files.exists(dir.resolve("night-lake-1000")), "the night's lake is removed unless --keep-lakes");
    assertTrue(Files.readString(dir.resolve("night-lake-1000.log")).contains("[nightly] done"),
        "the night as a command, in a JVM of its own");
  }

  @Test
  void lastLineIsComputedFromThePipelineStagesOfTheTwoLargestSizes() {
    SizeResult small = result(200_000, 10, 20, 30, 40, 50, 999, 300);
    SizeResult big = result(800_000, 40, 60, 40, 20, 40, 999, 800);
    // pipeline: 60 + 40 + 20 + 40 = 160 s (topics left out); 800,000 / 160 / 2 cores = 2,500
    assertEquals("articles_per_s_per_core=2500 ratio_to_baseline=4.00 scaling_800k_over_200k=1.14"
        + " driver_heap_mb=800", BenchCommand.lastLine(List.of(small, big)));
  }

  private static SizeResult result(long n, double baseline, double ingest, double extract, double events,
                                   double trends, double topics, long heapMb) {
    return new SizeResult(n, 0, 2, window("baseline", baseline, 1), List.of(window("ingest", ingest, heapMb),
        window("extract", extract, 1), window("events", events, 1), window("trends", trends, 1),
        window("topics", topics, 5_000)));
  }

  private static Window window(String name, double seconds, long heapMb) {
    return new Window(name, seconds, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, heapMb << 20, 0, List.of());
  }
}
