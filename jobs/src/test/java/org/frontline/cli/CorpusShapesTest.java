package org.frontline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.frontline.SparkTest;
import org.frontline.lake.Lake;
import org.frontline.lake.LakeDiff;
import org.frontline.lake.Tables;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The corpus-shape harness: for every scenario of {@link CorpusShapes} and every seed, `run` on the first
 * corpus, `nightly` for one more night, then the same night again. After each command: exit code 0,
 * {@code read = kept + duplicates + quarantined} in its summary, every table of the lake readable with its
 * schema, a report written; the repeated night changes no table.
 *
 * <p>CI runs seed 1 with 300 generated articles. A longer sweep: {@code -Dshapes.seeds=1,2,3,4,5
 * -Dshapes.generated=3000}.
 */
class CorpusShapesTest extends SparkTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path dir;

  /** Topic options for the harness: automatic k over two candidates and two starts keep it inside CI time. */
  static final String[] TOPICS = {"--k-range", "5:10:5", "--restarts", "2"};

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (String seed : System.getProperty("shapes.seeds", "1").split(",")) {
      for (CorpusShapes.Scenario s : CorpusShapes.scenarios(Integer.getInteger("shapes.generated", 300))) {
        out.add(Arguments.of(s, Long.parseLong(seed.strip())));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} (seed {1})")
  @MethodSource("cases")
  void runThenNightThenTheSameNightAgain(CorpusShapes.Scenario s, long seed) throws IOException {
    Path work = Files.createDirectories(dir.resolve(Integer.toHexString(s.name().hashCode()) + "-" + seed));
    Random rnd = new Random(seed);
    List<String> baseLines = s.base().make(rnd, work, List.of());
    Path base = CorpusShapes.write(work.resolve("base"), "corpus.jsonl", baseLines);
    if (s.hugeBytes() > 0) {
      CorpusShapes.appendHuge(base.resolve("corpus.jsonl"), "huge-0", CorpusShapes.DAY, s.hugeBytes());
    }
    Path night = CorpusShapes.write(work.resolve("night"), "night-" + s.nightDate() + ".jsonl",
        s.night().make(rnd, work, baseLines));
    Path lakeDir = work.resolve("lake");
    Lake lake = new Lake(spark(), lakeDir.toString());
    Set<Path> seen = new HashSet<>();

    Cli.ok(concat(new String[] {"run", "--input", base.toString(), "--lake", lakeDir.toString(),
        "--as-of", s.nightDate().toString()}, TOPICS));
    JsonNode run = newSummary(lakeDir, seen);
    checkRun(run, lake, lakeDir.resolve("report/report.html"));

    String[] nightly = concat(new String[] {"nightly", "--date", s.nightDate().toString(), "--input",
        night.toString(), "--lake", lakeDir.toString()}, TOPICS);
    Cli.ok(nightly);
    JsonNode first = newSummary(lakeDir, seen);
    Path nightReport = lakeDir.resolve("reports/" + s.nightDate() + "/report.html");
    checkRun(first, lake, nightReport);

    Path before = copyTree(lakeDir, work.resolve("lake-before"));
    Cli.ok(nightly);
    JsonNode again = newSummary(lakeDir, seen);
    checkRun(again, lake, nightReport);
    for (LakeDiff.TableDiff d : LakeDiff.compare(lake, new Lake(spark(), before.toString()))) {
      assertTrue(d.same(), "the same night twice changed a table: " + d.line());
    }
    assertEquals(first.path("read").asLong(), again.path("read").asLong(), "the repeated night reads the same records");
    s.check().verify(run, first, lake);
  }

  /** The summary's counts reconcile, every table reads with its schema, the report exists. */
  static void checkRun(JsonNode summary, Lake lake, Path report) {
    String what = summary.path("command").asText() + " " + summary.path("arguments");
    long read = summary.path("read").asLong(-1);
    assertTrue(read >= 0, what + ": the summary has no read count");
    assertEquals(read, summary.path("kept").asLong() + summary.path("duplicates").asLong()
        + summary.path("quarantined").asLong(), what + ": read = kept + duplicates + quarantined");
    assertTrue(summary.path("reconciled").asBoolean(), what + ": reconciled");
    assertTrue(summary.has("skipped"), what + ": the summary has a skipped section");
    for (String t : Tables.DATA_TABLES) {
      assertTrue(lake.exists(t), what + ": table " + t + " exists");
      StructType found = lake.read(t).schema();
      for (StructField f : Tables.schemaOf(t).fields()) {
        assertTrue(found.getFieldIndex(f.name()).isDefined(), what + ": " + t + " has column " + f.name());
        // Delta keeps every column nullable: the types are compared without nullability
        assertEquals(f.dataType().catalogString(), found.apply(f.name()).dataType().catalogString(),
            what + ": " + t + "." + f.name());
      }
    }
    assertTrue(Files.isRegularFile(report), what + ": report written at " + report);
    // a topic stage without a model says why; one with a model places every kept article of the lake (a
    // night's summary counts the night's articles, a full run's every article)
    JsonNode topics = summary.path("topics");
    if (topics.path("model_id").isMissingNode()) {
      assertTrue(summary.path("skipped").has("topics"), what + ": topics skipped without a reason");
    } else {
      long articles = lake.read(Tables.ARTICLES).count();
      assertEquals(articles, lake.read(Tables.ARTICLE_TOPICS).count(), what + ": every article has a topic row");
      long counted = topics.path("articles_assigned").asLong() + topics.path("articles_without_topic").asLong();
      if ("nightly".equals(summary.path("command").asText())) {
        assertTrue(counted <= articles, what + ": the night's articles are the lake's: " + counted);
      } else {
        assertEquals(articles, counted, what + ": every article has a topic or is counted");
      }
    }
  }

  /** The run summary the last command wrote (the one file of LAKE/runs/ not seen before). */
  static JsonNode newSummary(Path lake, Set<Path> seen) throws IOException {
    List<Path> fresh;
    try (Stream<Path> files = Files.list(lake.resolve("runs"))) {
      fresh = files.filter(p -> p.toString().endsWith(".json") && !seen.contains(p)).toList();
    }
    assertEquals(1, fresh.size(), "one new run summary");
    seen.add(fresh.get(0));
    return JSON.readTree(fresh.get(0).toFile());
  }

  static String[] concat(String[] a, String[] b) {
    String[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
