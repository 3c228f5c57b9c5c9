package org.frontline.events;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;
import org.frontline.SparkTest;
import org.frontline.extract.ExtractJob;
import org.frontline.extract.StrikeExtractor;
import org.frontline.lake.Tables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.apache.spark.sql.functions.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Four outlets report one strike with different tolls (one two days later without a date of its own);
 * another article reports another city the same night.
 */
class EventsJobTest extends SparkTest {
  static Dataset<Row> articles(Object[]... rows) {
    List<Row> list = new ArrayList<>();
    for (Object[] r : rows) {
      list.add(RowFactory.create(r[0], "f.jsonl", Date.valueOf((String) r[1]), r[2], null, r[3], r[4]));
    }
    return spark().createDataFrame(list, new StructType()
        .add("doc_id", "string").add("source_file", "string").add("published_date", "date").add("source", "string")
        .add("url", "string").add("title", "string").add("text", "string"));
  }

  @Test
  void mentionsOfOneStrikeBecomeOneEventWithReconciledFigures() {
    Dataset<Row> arts = articles(
        new Object[] {"a", "2026-03-12", "Outlet A", "Drone hits Kharkiv",
            "A Russian drone hit an apartment block in Kharkiv overnight, killing two people and injuring 10."},
        new Object[] {"b", "2026-03-12", "Outlet B", "Kharkov attacked",
            "Three people were killed and 12 injured when a drone struck Kharkov overnight, officials said."},
        new Object[] {"c", "2026-03-12", "Outlet C", "Strike on Kharkiv region",
            "A drone attack on the Kharkiv region overnight killed three people."},
        new Object[] {"d", "2026-03-12", "Outlet C", "Izium hit",
            "A drone hit a house in Izium overnight, injuring one person."},
        new Object[] {"f", "2026-03-12", "Outlet E", "Izium again",
            "Drones struck Izium overnight; one person was injured, the mayor said."},
        new Object[] {"g", "2026-03-12", "Outlet F", "Izium",
            "Russian drones attacked Izium overnight, wounding a woman."},
        new Object[] {"h", "2026-03-12", "Outlet G", "Izium",
            "A drone hit a shop in Izium overnight; one person was hurt."},
        // two days later, without a date of its own: the same strike, not a new one
        new Object[] {"e", "2026-03-14", "Outlet D", "Kharkiv mourns",
            "A drone hit an apartment block in Kharkiv, killing three people, officials said."});
    Dataset<Row> mentions = ExtractJob.mentions(arts, "2026-11-27");
    assertEquals(8, mentions.count());
    Dataset<Row> events = EventsJob.events(mentions);
    assertEquals(2, events.count(), () -> events.collectAsList().toString());
    Row k = events.filter(col("place").equalTo("Kharkiv")).first();
    assertEquals(4L, k.<Long>getAs("n_mentions"), () -> events.collectAsList().toString());
    assertEquals(4L, k.<Long>getAs("n_sources"));
    assertEquals(List.of("a", "b", "c", "e"), k.getList(k.fieldIndex("doc_ids")));
    assertEquals(3.0, k.<Double>getAs("killed_median"));
    assertEquals(2, k.<Integer>getAs("killed_min"));
    assertEquals(3, k.<Integer>getAs("killed_max"));
    assertEquals(11.0, k.<Double>getAs("injured_median"));
    assertEquals("UA-63", k.getAs("region_iso"));
    assertEquals(Date.valueOf("2026-03-12"), k.getAs("event_date"));
    Row i = events.filter(col("place").equalTo("Izium")).first();
    // Izium has more reports than Kharkiv, but "the Kharkiv region ... killed three" agrees with Kharkiv's figures
    assertEquals(4L, i.<Long>getAs("n_mentions"));
    assertNull(k.getAs("launched_median"));
    // drawn at the city itself (GeoNames' Kharkiv), with the day read from "overnight"
    assertEquals(49.98177, k.<Double>getAs("lat"), 1e-9);
    assertEquals(36.25475, k.<Double>getAs("lon"), 1e-9);
    assertEquals(1, k.<Integer>getAs("geo_precision"));
    assertEquals(1, k.<Integer>getAs("time_precision"));
    // the same mentions always give the same ids
    assertEquals(events.select("event_id").orderBy("event_id").collectAsList(),
        EventsJob.events(mentions).select("event_id").orderBy("event_id").collectAsList());
    assertEquals(Tables.EVENTS_SCHEMA.fieldNames().length,
        events.select(Arrays.stream(Tables.EVENTS_SCHEMA.fieldNames()).map(functions::col)
            .toArray(Column[]::new)).columns().length);
  }

  @Test
  void aFollowUpJoinsTheStrikeItFollowsUp() {
    Dataset<Row> arts = articles(
        new Object[] {"x", "2026-03-12", "Outlet A", "Mall hit in Kremenchuk",
            "A missile struck a shopping mall in Kremenchuk, killing 13 people."},
        new Object[] {"y", "2026-03-13", "Outlet B", "Toll rises in Kremenchuk",
            "The death toll from the missile strike on a shopping mall in Kremenchuk has risen to 18."},
        // a fresh report of another day is not a follow-up: it stays its own event
        new Object[] {"z", "2026-03-14", "Outlet C", "Kremenchuk hit again",
            "A missile struck an oil refinery in Kremenchuk, injuring two workers."});
    Dataset<Row> mentions = ExtractJob.mentions(arts, "2026-11-27");
    assertEquals(List.of(false, true, false), mentions.orderBy("doc_id").select("follow_up").collectAsList().stream()
        .map(r -> r.getBoolean(0)).toList());
    Dataset<Row> events = EventsJob.events(mentions).orderBy("event_date");
    assertEquals(2, events.count(), () -> events.collectAsList().toString());
    Row first = events.first();
    assertEquals(Date.valueOf("2026-03-12"), first.getAs("event_date"));
    assertEquals(List.of("x", "y"), first.getList(first.fieldIndex("doc_ids")));
    assertEquals(13, first.<Integer>getAs("killed_min"));
    assertEquals(18, first.<Integer>getAs("killed_max"));
  }

  @Test
  void transformersPersistTheirParams(@TempDir Path dir) throws Exception {
    spark();
    StrikeExtractor x = new StrikeExtractor().setAsOf("2026-02-04");
    x.write().overwrite().save(dir.resolve("x").toString());
    StrikeExtractor xb = StrikeExtractor.load(dir.resolve("x").toString());
    assertEquals("2026-02-04", xb.getOrDefault(xb.asOf()));
    EventKeyer k = new EventKeyer();
    k.set(k.maxLagDays(), 3);
    k.write().overwrite().save(dir.resolve("k").toString());
    EventKeyer kb = EventKeyer.load(dir.resolve("k").toString());
    assertEquals(3, kb.getOrDefault(kb.maxLagDays()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new StrikeExtractor().setAsOf("Feb 4").transformSchema(
            articles(new Object[] {"a", "2026-03-12", "A", "t", "x"}).schema()));
    assertTrue(e.getMessage().contains("asOf must be a yyyy-MM-dd date"), e.getMessage());
  }
}
