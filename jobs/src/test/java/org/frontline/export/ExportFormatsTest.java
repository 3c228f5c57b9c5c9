package org.frontline.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.frontline.SparkTest;
import org.frontline.events.EventsJob;
import org.frontline.extract.ExtractJob;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.geojson.GeoJsonReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The events of a few hand-written reports (a Russian drone strike on Kharkiv told by four outlets, one on a
 * region, a national summary, a Ukrainian drone on Belgorod) in each export format, read back with a parser of
 * that format.
 */
class ExportFormatsTest extends SparkTest {
  private static Dataset<Row> articles;
  private static Dataset<Row> events;

  @BeforeAll
  static void events() {
    articles = articles(
        new Object[] {"a", "2026-03-12", "Outlet A", "Drone hits Kharkiv",
            "A Russian drone hit an apartment block in Kharkiv overnight, killing two people and injuring 10."},
        new Object[] {"b", "2026-03-12", "Outlet B", "Kharkov attacked",
            "Three people were killed and 12 injured when a Russian drone struck Kharkov overnight, officials said."},
        new Object[] {"c", "2026-03-12", "Outlet C", "Strike on Sumy region",
            "Russian artillery shelled the Sumy region overnight, injuring one person."},
        new Object[] {"d", "2026-03-12", "Outlet D", "Overnight attack",
            "Russia launched 84 drones and 3 missiles at Ukraine overnight, the Air Force said;"
                + " 70 drones were shot down."},
        new Object[] {"e", "2026-03-13", "Outlet E", "Belgorod",
            "A Ukrainian drone struck a building in Belgorod on Thursday, injuring two people, the governor said."});
    events = EventsJob.events(ExtractJob.mentions(articles, "2026-11-27")).cache();
  }

  private static Dataset<Row> articles(Object[]... rows) {
    List<Row> list = new ArrayList<>();
    for (Object[] r : rows) {
      list.add(org.apache.spark.sql.RowFactory.create(r[0], "f.jsonl", java.sql.Date.valueOf((String) r[1]), r[2],
          null, r[3], r[4]));
    }
    return spark().createDataFrame(list, new org.apache.spark.sql.types.StructType()
        .add("doc_id", "string").add("source_file", "string").add("published_date", "date").add("source", "string")
        .add("url", "string").add("title", "string").add("text", "string"));
  }

  private static Map<String, Row> byLocation(Dataset<Row> acled) {
    Map<String, Row> out = new HashMap<>();
    for (Row r : acled.collectAsList()) {
      out.put(r.<String>getAs("location") + "/" + r.getAs("sub_event_type"), r);
    }
    return out;
  }

  @Test
  void acledRowsCarryAcledsColumnsAndVocabulary() {
    Dataset<Row> acled = AcledFormat.rows(events, articles.select("doc_id", "source"), 1_773_300_000L);
    assertEquals(AcledFormat.COLUMNS, List.of(acled.columns()));
    assertEquals(events.count(), acled.count(), "one row per event");
    Map<String, Row> rows = byLocation(acled);
    Row k = rows.get("Kharkiv/Air/drone strike");
    assertNotNull(k, rows.keySet().toString());
    String id = k.getAs("event_id_cnty");
    assertTrue(id.matches("UKR[0-9A-F]{16}"), id);
    assertEquals("2026-03-12", k.getAs("event_date"));
    assertEquals(2026, k.<Integer>getAs("year"));
    assertEquals(1, k.<Integer>getAs("time_precision"));
    assertEquals("Political violence", k.getAs("disorder_type"));
    assertEquals("Explosions/Remote violence", k.getAs("event_type"));
    assertEquals("Military Forces of Russia (2000-)", k.getAs("actor1"));
    assertEquals(8, k.<Integer>getAs("inter1"));
    assertEquals(80, k.<Integer>getAs("interaction"));
    assertEquals(804, k.<Integer>getAs("iso"));
    assertEquals("Ukraine", k.getAs("country"));
    assertEquals("Kharkiv", k.getAs("admin1"));
    assertEquals(49.98177, k.<Double>getAs("latitude"), 1e-9);
    assertEquals(1, k.<Integer>getAs("geo_precision"));
    assertEquals("Outlet A; Outlet B", k.getAs("source"));
    // the lowest toll reported, as ACLED counts; the notes keep the median and the sources
    assertEquals(2, k.<Integer>getAs("fatalities"));
    String notes = k.getAs("notes");
    assertTrue(notes.contains("[Frontline: killed 2.5; injured 11; 2 source(s), 2 article(s); event "), notes);
    assertEquals(1_773_300_000L, k.<Long>getAs("timestamp"));

    Row sumy = rows.get("Sumy Oblast/Shelling/artillery/missile attack");
    assertNotNull(sumy, rows.keySet().toString());
    assertEquals("Sumy", sumy.getAs("admin1"));
    assertEquals(2, sumy.<Integer>getAs("geo_precision"));
    assertEquals(0, sumy.<Integer>getAs("fatalities"));

    Row belgorod = rows.get("Belgorod/Air/drone strike");
    assertNotNull(belgorod, rows.keySet().toString());
    assertTrue(belgorod.<String>getAs("event_id_cnty").startsWith("RUS"));
    assertEquals("Military Forces of Ukraine (2019-)", belgorod.getAs("actor1"));
    assertEquals(643, belgorod.<Integer>getAs("iso"));
    assertEquals("Belgorod", belgorod.getAs("admin1"));

    // every region has its own admin1 name, so the export joins back to the ISO codes
    Map<String, String> codes = AcledFormat.admin1Codes();
    assertEquals(27 + 31, codes.size());
    assertEquals("UA-63", codes.get("Kharkiv"));
    assertEquals("RU-MOW", codes.get("Moscow"));
    assertEquals("RU-MOS", codes.get("Moscow Oblast"));

    // the national summary: one event per weapon, at the country's point with precision 3
    List<Row> national = acled.filter(col("geo_precision").equalTo(3)).collectAsList();
    assertFalse(national.isEmpty(), rows.keySet().toString());
    for (Row n : national) {
      assertEquals("", n.getAs("admin1"));
      assertEquals("Ukraine", n.getAs("location"));
    }
  }

  @Test
  void geoJsonIsAFeatureCollectionOfPointsThatAGeoJsonParserReads(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("events.geojson");
    long n = GeoJsonFile.write(events, FileSystem.getLocal(new Configuration()),
        new org.apache.hadoop.fs.Path(file.toUri()));
    assertEquals(events.count(), n);
    String text = Files.readString(file);
    JsonNode doc = new ObjectMapper().readTree(text);
    assertEquals("FeatureCollection", doc.get("type").asText());
    assertEquals(n, doc.get("features").size());
    for (JsonNode f : doc.get("features")) {
      assertEquals("Feature", f.get("type").asText());
      assertEquals(f.get("id").asText(), f.get("properties").get("event_id").asText());
      assertEquals("Point", f.get("geometry").get("type").asText());
      double lon = f.get("geometry").get("coordinates").get(0).asDouble();
      double lat = f.get("geometry").get("coordinates").get(1).asDouble();
      assertTrue(lon > 22 && lon < 110 && lat > 41 && lat < 62, "[lon, lat] order: " + lon + ", " + lat);
      assertTrue(f.get("properties").has("geo_precision") && f.get("properties").has("killed_min"),
          "every column, null ones too: " + f.get("properties"));
      assertFalse(f.get("properties").has("lat"), "the point is the geometry");
    }
    Geometry all = new GeoJsonReader().read(text);
    assertInstanceOf(GeometryCollection.class, all);
    assertEquals(n, all.getNumGeometries());
    Point kharkiv = null;
    for (int i = 0; i < all.getNumGeometries(); i++) {
      Point p = (Point) all.getGeometryN(i);
      if (Math.abs(p.getY() - 49.98177) < 1e-9) {
        kharkiv = p;
      }
    }
    assertNotNull(kharkiv, "Kharkiv's point");
    assertEquals(36.25475, kharkiv.getX(), 1e-9);
  }

  @Test
  void geoParquetHasWkbPointsAndGeoMetadataThatNameThem(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("events.parquet");
    Configuration conf = spark().sparkContext().hadoopConfiguration();
    long n = GeoParquetFile.write(events, conf, new org.apache.hadoop.fs.Path(file.toUri()));
    assertEquals(events.count(), n);
    try (ParquetFileReader reader = ParquetFileReader.open(
        HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), conf))) {
      JsonNode geo = new ObjectMapper().readTree(reader.getFooter().getFileMetaData().getKeyValueMetaData().get("geo"));
      assertEquals("1.1.0", geo.get("version").asText());
      assertEquals("geometry", geo.get("primary_column").asText());
      JsonNode column = geo.get("columns").get("geometry");
      assertEquals("WKB", column.get("encoding").asText());
      assertEquals("Point", column.get("geometry_types").get(0).asText());
      Row box = events.agg(min("lon"), min("lat"), max("lon"), max("lat")).first();
      for (int i = 0; i < 4; i++) {
        assertEquals(box.getDouble(i), column.get("bbox").get(i).asDouble(), 0.0);
      }
    }
    Dataset<Row> back = spark().read().parquet(file.toString());
    assertEquals(n, back.count());
    List<String> mismatched = new ArrayList<>();
    WKBReader wkb = new WKBReader();
    for (Row r : back.select("event_id", "lat", "lon", "geometry", "event_date").collectAsList()) {
      Point p = (Point) wkb.read((byte[]) r.get(3));
      if (p.getX() != r.getDouble(2) || p.getY() != r.getDouble(1)) {
        mismatched.add(r.getString(0));
      }
      assertNotNull(r.getDate(4), "dates stay dates");
    }
    assertEquals(List.of(), mismatched);
  }
}
