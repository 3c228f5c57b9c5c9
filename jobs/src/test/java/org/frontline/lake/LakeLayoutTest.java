package org.frontline.lake;

import io.delta.tables.DeltaTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.frontline.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * How the lake lays its tables out so that a night touches the files of its days only: the tables keyed by
 * article are partitioned by publication day, events are written in date ranges, and a lake written by an
 * older Frontline (unpartitioned, with statistics on the new partition column) takes the new layout on its
 * next full write.
 */
class LakeLayoutTest extends SparkTest {
  @TempDir
  Path dir;

  /** {@code n} rows of a table's schema: each column a fixed value of its type, then the given columns set. */
  private static Dataset<Row> rows(String table, int n, java.util.function.IntFunction<Map<String, Object>> set) {
    StructType schema = Tables.schemaOf(table);
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, Object> values = set.apply(i);
      Object[] v = new Object[schema.size()];
      for (int c = 0; c < schema.size(); c++) {
        StructField f = schema.fields()[c];
        v[c] = values.containsKey(f.name()) ? values.get(f.name()) : value(f.dataType());
      }
      out.add(RowFactory.create(v));
    }
    return spark().createDataFrame(out, schema).repartition(4);
  }

  private static Object value(DataType t) {
    if (t instanceof ArrayType) {
      return List.of();
    }
    if (t instanceof MapType) {
      return Map.of();
    }
    if (t == DataTypes.StringType) {
      return "x";
    }
    if (t == DataTypes.DateType) {
      return Date.valueOf("2025-03-01");
    }
    if (t == DataTypes.TimestampType) {
      return Timestamp.valueOf("2025-03-01 00:00:00");
    }
    if (t == DataTypes.BooleanType) {
      return false;
    }
    if (t == DataTypes.IntegerType) {
      return 1;
    }
    if (t == DataTypes.DoubleType) {
      return 1.0;
    }
    if (t == DataTypes.LongType) {
      return 1L;
    }
    throw new IllegalArgumentException("no test value for " + t);
  }

  private static Date day(int i) {
    return Date.valueOf(LocalDate.of(2025, 3, 1).plusDays(i));
  }

  private static List<String> partitions(Lake lake, String table) {
    return DeltaTable.forPath(spark(), lake.path(table)).detail().select("partitionColumns").first().getList(0);
  }

  @Test
  void tablesKeyedByArticleArePartitionedByDayAndEventsAreWrittenInDateRanges() {
    Lake lake = new Lake(spark(), dir.toString());
    lake.overwrite(Tables.MENTIONS, rows(Tables.MENTIONS, 30,
        i -> Map.of("doc_id", "d" + i, "mention_id", "m" + i, "published_date", day(i % 3), "event_date", day(i % 3))));
    lake.overwrite(Tables.ARTICLE_TOPICS, rows(Tables.ARTICLE_TOPICS, 30,
        i -> Map.of("doc_id", "d" + i, "published_date", day(i % 3))));
    // small data is coalesced into one file; here it is spread so that the ranges show
    spark().conf().set("spark.sql.adaptive.coalescePartitions.enabled", "false");
    try {
      lake.overwrite(Tables.EVENTS, rows(Tables.EVENTS, 200,
          i -> Map.of("event_id", "e" + i, "event_date", day((i * 37) % 100))));
    } finally {
      spark().conf().unset("spark.sql.adaptive.coalescePartitions.enabled");
    }
    assertEquals(List.of("published_date"), partitions(lake, Tables.MENTIONS));
    assertEquals(List.of("published_date"), partitions(lake, Tables.ARTICLE_TOPICS));
    assertEquals(List.of(), partitions(lake, Tables.EVENTS));

    // each events file holds a run of dates, and no two files' runs overlap
    List<Row> files = lake.read(Tables.EVENTS).groupBy(input_file_name().as("file"))
        .agg(min("event_date").as("lo"), max("event_date").as("hi"), count(lit(1)).as("n"))
        .orderBy("lo").collectAsList();
    assertTrue(files.size() > 1, "the events were written as " + files.size() + " file(s)");
    assertEquals(200L, files.stream().mapToLong(r -> r.getLong(3)).sum());
    for (int i = 1; i < files.size(); i++) {
      assertTrue(files.get(i).getDate(1).after(files.get(i - 1).getDate(2)),
          "files overlap: " + files.get(i - 1) + " and " + files.get(i));
    }
  }

  @Test
  void aDeleteByKeyWithinTheArticlesDaysLeavesOtherDaysAlone() {
    Lake lake = new Lake(spark(), dir.toString());
    // the same doc_id on two days (as a test of the condition only: an article has one day)
    lake.overwrite(Tables.MENTIONS, rows(Tables.MENTIONS, 4,
        i -> Map.of("doc_id", i < 2 ? "a" : "b", "mention_id", "m" + i, "published_date", day(i % 2))));
    Dataset<Row> keys = spark().createDataFrame(List.of(RowFactory.create("a"), RowFactory.create("b")),
        new StructType().add("doc_id", DataTypes.StringType));
    ChangedArticles changed = new ChangedArticles(keys, List.of(day(0).toLocalDate()), false);
    lake.deleteMatching(Tables.MENTIONS, keys, changed.inDays("t.published_date"), "doc_id");
    List<Row> left = lake.read(Tables.MENTIONS).select("mention_id").orderBy("mention_id").collectAsList();
    assertEquals(List.of(RowFactory.create("m1"), RowFactory.create("m3")), left);
  }

  @Test
  void aTableOfAnOlderLayoutTakesTheNewOneOnItsNextFullWrite() {
    Lake lake = new Lake(spark(), dir.toString());
    Dataset<Row> mentions = rows(Tables.MENTIONS, 6,
        i -> Map.of("doc_id", "d" + i, "mention_id", "m" + i, "published_date", day(i % 2)));
    // as an older Frontline wrote it: unpartitioned, with statistics on every column, published_date among them
    String statsWithDay = String.join(",", Tables.statsColumns(Tables.MENTIONS), "published_date");
    mentions.write().format("delta").option("delta.dataSkippingStatsColumns", statsWithDay)
        .save(lake.path(Tables.MENTIONS));
    assertEquals(List.of(), partitions(lake, Tables.MENTIONS));

    lake.overwrite(Tables.MENTIONS, mentions);
    assertEquals(List.of("published_date"), partitions(lake, Tables.MENTIONS));
    assertEquals(6L, lake.read(Tables.MENTIONS).count());
  }

  @Test
  void aNightAddsTheColumnsAnOlderTableLacksAndKeepsItsRows() {
    Lake lake = new Lake(spark(), dir.toString());
    Dataset<Row> events = rows(Tables.EVENTS, 6, i -> Map.of("event_id", "e" + i, "event_date", day(i)));
    // as an older Frontline wrote it: without the coordinates and the time precision
    events.drop("lat", "lon", "geo_precision", "time_precision").write().format("delta").save(lake.path(Tables.EVENTS));
    Dataset<Row> before = lake.read(Tables.EVENTS);
    assertEquals(List.of(Tables.EVENTS_SCHEMA.fieldNames()).size(), before.columns().length,
        "read, it has every current column");
    assertEquals(6L, before.filter(col("lat").isNull().and(col("geo_precision").isNull())).count(), "as null");

    lake.replaceDays(Tables.EVENTS, rows(Tables.EVENTS, 2, i -> Map.of("event_id", "n" + i, "event_date", day(4 + i),
        "geo_precision", 2)), "event_date", LocalDate.of(2025, 3, 5), LocalDate.of(2025, 3, 6));
    Dataset<Row> now = lake.read(Tables.EVENTS);
    assertTrue(List.of(now.columns()).containsAll(List.of("lat", "lon", "geo_precision", "time_precision")));
    assertEquals(List.of("e0", "e1", "e2", "e3", "n0", "n1"), now.orderBy("event_id").select("event_id")
        .collectAsList().stream().map(r -> r.getString(0)).toList());
    assertEquals(2L, now.filter(col("geo_precision").equalTo(2)).count(), "the night's rows have them");
    assertEquals(4L, now.filter(col("geo_precision").isNull()).count(), "the older rows read them as null");
    lake.append(Tables.EVENTS, rows(Tables.EVENTS, 1, i -> Map.of("event_id", "a0", "event_date", day(9))));
    assertEquals(7L, lake.read(Tables.EVENTS).count());
  }
}
