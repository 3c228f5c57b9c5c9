package org.frontline.common;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.frontline.SparkTest;
import org.frontline.ingest.TextCleaner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.try_to_date;
import static org.apache.spark.sql.functions.upper;
import static org.junit.jupiter.api.Assertions.*;

/** Small data is evaluated interpreted for the time of a command; the session's own settings come back after. */
class SessionsTest extends SparkTest {
  private static Dataset<Row> query() {
    Dataset<Row> titles = strings(cols("title", "day"), row("  Drones   over Kharkiv ", "2026-01-05"),
        row("Odesa\u00a0port", "bad"), row(null, "2026-02-30"));
    return new TextCleaner().setInputCol("title").setOutputCol("clean").transform(titles)
        .select(upper(col("clean")).as("upper"), sha2(col("clean"), 256).as("hash"), try_to_date(col("day")).as("day"))
        .orderBy("hash");
  }

  @Test
  void smallDataIsInterpretedWithTheSameRowsAndTheSessionIsRestoredAfter() {
    SparkSession spark = spark();
    Dataset<Row> q = query();
    List<Row> compiled = q.collectAsList();
    assertTrue(q.queryExecution().executedPlan().toString().contains("*("),
        "compiled by default: whole-stage code generation marks its operators *(n)");
    try (Sessions.Interpreted interpreted = Sessions.interpretSmallData(spark, 1 << 20)) {
      assertTrue(interpreted.active());
      assertEquals("false", spark.conf().get("spark.sql.codegen.wholeStage"));
      assertEquals("NO_CODEGEN", spark.conf().get("spark.sql.codegen.factoryMode"));
      Dataset<Row> i = query();
      assertEquals(compiled, i.collectAsList());
      assertFalse(i.queryExecution().executedPlan().toString().contains("*("));
    }
    assertEquals("true", spark.conf().get("spark.sql.codegen.wholeStage"));
    assertEquals("FALLBACK", spark.conf().get("spark.sql.codegen.factoryMode"));
    assertEquals(3, compiled.size());
    assertEquals("DRONES OVER KHARKIV", compiled.stream().map(r -> r.getString(0))
        .filter(s -> s != null && s.startsWith("DRONES")).findFirst().orElseThrow());
  }

  @Test
  void largerDataKeepsCodeGeneration() {
    SparkSession spark = spark();
    try (Sessions.Interpreted interpreted = Sessions.interpretSmallData(spark, Sessions.INTERPRETED_MAX_BYTES + 1)) {
      assertFalse(interpreted.active());
      assertEquals("true", spark.conf().get("spark.sql.codegen.wholeStage"));
    }
    assertEquals("true", spark.conf().get("spark.sql.codegen.wholeStage"));
  }

  @Test
  void bytesAreSummedOverFilesDirectoriesAndPatternsAndAMissingPathCountsNothing(@TempDir Path dir)
      throws IOException {
    Files.write(dir.resolve("a.jsonl"), new byte[1000]);
    Files.createDirectories(dir.resolve("day"));
    Files.write(dir.resolve("day/b.csv"), new byte[250]);
    Files.write(dir.resolve("day/c.csv"), new byte[50]);
    Configuration conf = new Configuration();
    assertEquals(1300, Sessions.bytesAt(conf, List.of(dir.toString())));
    assertEquals(1300, Sessions.bytesAt(conf, List.of(dir.resolve("a.jsonl").toString(),
        dir.resolve("day").toString())));
    assertEquals(300, Sessions.bytesAt(conf, List.of(dir.resolve("day/*.csv").toString())));
    assertEquals(1000, Sessions.bytesAt(conf, List.of(dir.resolve("a.jsonl").toString(),
        dir.resolve("missing").toString())));
  }
}
