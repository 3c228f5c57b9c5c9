package org.frontline.common;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.UnsafeProjection;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
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

/**
 * Small data is evaluated interpreted for the time of a command; the session's own settings come back after.
 * The CLI tests run small corpora, so they exercise the interpreted path; the job-level tests run compiled.
 */
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
      // the factory mode is a Spark-internal key: this fails if an upgrade stops honouring it
      assertEquals("InterpretedUnsafeProjection", UnsafeProjection.create(new StructType()
          .add("x", DataTypes.StringType)).getClass().getSimpleName());
    }
    assertEquals("true", spark.conf().get("spark.sql.codegen.wholeStage"));
    assertEquals("FALLBACK", spark.conf().get("spark.sql.codegen.factoryMode"));
    assertFalse(spark.conf().getAll().contains("spark.sql.codegen.wholeStage"), "unset again, not pinned");
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
  void aSettingOfTheSessionWins() {
    SparkSession spark = spark();
    spark.conf().set("spark.sql.codegen.wholeStage", "true");
    try (Sessions.Interpreted interpreted = Sessions.interpretSmallData(spark, 1)) {
      assertFalse(interpreted.active());
      assertEquals("FALLBACK", spark.conf().get("spark.sql.codegen.factoryMode"));
    } finally {
      spark.conf().unset("spark.sql.codegen.wholeStage");
    }
  }

  @Test
  void aTableIsSizedByItsDataFilesUpToTheLimit(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("_delta_log"));
    Files.write(dir.resolve("_delta_log/00000.json"), new byte[5000]);
    Files.write(dir.resolve(".part-0.parquet.crc"), new byte[700]);
    Files.createDirectories(dir.resolve("published_date=2026-01-05"));
    Files.write(dir.resolve("published_date=2026-01-05/part-0.parquet"), new byte[1000]);
    Files.write(dir.resolve("part-1.parquet"), new byte[300]);
    Configuration conf = new Configuration();
    assertEquals(1300, Sessions.bytesUpTo(conf, dir.toString(), 10_000));
    assertTrue(Sessions.bytesUpTo(conf, dir.toString(), 100) > 100);
    assertEquals(Long.MAX_VALUE, Sessions.bytesUpTo(conf, dir.resolve("missing").toString(), 10_000));
  }
}
