package org.frontline.cli;

import org.apache.commons.io.FileUtils;
import org.frontline.SparkTest;
import org.frontline.generate.CorpusGenerator;
import org.frontline.lake.Lake;
import org.frontline.lake.LakeDiff;
import org.frontline.lake.Tables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Two full runs over the same input, each into a new lake at the same place, give the same tables (their
 * content fingerprints) and the same report, byte for byte.
 */
class DeterminismTest extends SparkTest {
  @TempDir
  static Path dir;

  /** Every file of the report directory, by name. */
  static Map<String, byte[]> files(Path d) throws Exception {
    Map<String, byte[]> m = new TreeMap<>();
    try (Stream<Path> all = Files.walk(d)) {
      for (Path f : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
        m.put(d.relativize(f).toString(), Files.readAllBytes(f));
      }
    }
    return m;
  }

  @Test
  void twoRunsOnTheSameInputGiveTheSameTablesAndReport() throws Exception {
    spark();
    Path gen = dir.resolve("gen");
    new CorpusGenerator(new CorpusGenerator.Options(500, 31, gen, 2, List.of("jsonl", "csv"),
        LocalDate.parse("2026-03-02"), 8)).write();
    Path lake = dir.resolve("lake");
    Path report = dir.resolve("report");
    Map<String, String> first = new TreeMap<>();
    Map<String, byte[]> firstReport = null;
    for (int run = 0; run < 2; run++) {
      Cli.ok("run", "--input", gen.resolve("corpus").toString(), "--lake", lake.toString(), "--report-out",
          report.toString(), "--as-of", "2026-03-11", "--k", "4", "--restarts", "2", "--min-df", "2",
          "--master", "local[2]");
      Lake l = new Lake(spark(), lake.toString());
      Map<String, byte[]> reportFiles = files(report);
      for (String table : Tables.DATA_TABLES) {
        String fingerprint = l.exists(table) ? LakeDiff.fingerprint(l.read(table)).text() : "absent";
        if (run == 0) {
          first.put(table, fingerprint);
        } else {
          assertEquals(first.get(table), fingerprint, table);
        }
      }
      if (run == 0) {
        firstReport = reportFiles;
        assertTrue(reportFiles.containsKey("report.html"), reportFiles.keySet().toString());
        FileUtils.deleteDirectory(lake.toFile());
        FileUtils.deleteDirectory(report.toFile());
      } else {
        assertEquals(firstReport.keySet(), reportFiles.keySet());
        for (String name : reportFiles.keySet()) {
          assertArrayEquals(firstReport.get(name), reportFiles.get(name), name + " differs between the runs");
        }
      }
    }
    assertTrue(Long.parseLong(first.get(Tables.EVENTS).split(":")[0]) > 10, "events: " + first.get(Tables.EVENTS));
  }
}
