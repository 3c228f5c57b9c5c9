package org.frontline.events;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.frontline.SparkTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

class EventGeocoderTest extends SparkTest {
  private static final StructType IN = new StructType()
      .add("id", "string").add("country", "string").add("region_iso", "string").add("place", "string");

  private static Map<String, Row> geocode(Object[]... rows) {
    List<Row> list = java.util.Arrays.stream(rows).map(RowFactory::create).toList();
    Dataset<Row> out = new EventGeocoder().transform(spark().createDataFrame(list, IN));
    assertEquals(rows.length, out.count(), "one row out per row in");
    return out.collectAsList().stream().collect(Collectors.toMap(r -> r.getString(0), r -> r));
  }

  @Test
  void aPlaceTakesItsOwnPointARegionItsCentroidACountryItsReferencePoint() {
    Map<String, Row> g = geocode(
        new Object[] {"city", "UA", "UA-63", "Kharkiv"},
        new Object[] {"same-name", "UA", "UA-14", "Mykolaivka"},
        new Object[] {"oblast", "UA", "UA-12", null},
        new Object[] {"unknown-place", "UA", "UA-12", "Nowhereville"},
        new Object[] {"national", "UA", null, null},
        new Object[] {"russian-city", "RU", "RU-BEL", "Belgorod"},
        new Object[] {"russian-region", "RU", "RU-KRS", null},
        new Object[] {"unknown-country", "XX", null, null});
    assertPoint(g.get("city"), 49.98177, 36.25475, 1);
    // Mykolaivka is in six oblasts: the one of the event's region
    assertPoint(g.get("same-name"), 48.86193, 37.76835, 1);
    // Dnipropetrovsk Oblast's centroid, from oblasts.csv
    assertPoint(g.get("oblast"), 48.30089, 34.84366, 2);
    assertPoint(g.get("unknown-place"), 48.30089, 34.84366, 2);
    assertPoint(g.get("national"), 48.3794, 31.1656, 3);
    assertPoint(g.get("russian-city"), 50.5954, 36.5873, 1);
    assertPoint(g.get("russian-region"), 51.7304, 36.1926, 2);
    Row none = g.get("unknown-country");
    assertTrue(none.isNullAt(4) && none.isNullAt(5) && none.isNullAt(6), "no point for an unknown country");
  }

  private static void assertPoint(Row r, double lat, double lon, int precision) {
    assertEquals(lat, r.getDouble(4), 1e-9, r.getString(0) + " lat");
    assertEquals(lon, r.getDouble(5), 1e-9, r.getString(0) + " lon");
    assertEquals(precision, r.getInt(6), r.getString(0) + " geo_precision");
  }

  @Test
  void everyPlaceTheGazetteerCanNameHasAPointAndEveryRegionACentroid() {
    Coordinates c = Coordinates.packed();
    // the extractor's canonical places: each resolves to a point of its own region
    for (org.frontline.extract.Gazetteer.Entry e : org.frontline.extract.Gazetteer.load().entries()) {
      if (e.kind == org.frontline.extract.Gazetteer.Kind.CITY && e.iso != null && e.canonical != null) {
        Coordinates.Located l = c.locate(e.country(), e.iso, e.canonical);
        assertNotNull(l, e.toString());
        assertEquals(Coordinates.TOWN, l.precision(), "no point for " + e + " (" + e.canonical + ")");
      }
      if (e.iso != null) {
        assertNotNull(c.areas().get(e.iso), "no centroid for region " + e.iso);
        assertNotNull(c.admin1().get(e.iso), "no name for region " + e.iso);
      }
    }
    // and inside the region's rough box: Ukraine 44-53 N, 22-41 E; western Russia 41-62 N, 27-60 E
    c.places().forEach((k, p) -> {
      boolean ua = k.startsWith("UA");
      assertTrue(ua ? p.lat() > 44 && p.lat() < 53 && p.lon() > 22 && p.lon() < 41
          : p.lat() > 41 && p.lat() < 62 && p.lon() > 27 && p.lon() < 60, k + " at " + p);
    });
  }

  @Test
  void validatesItsInputAndNamesTheColumnAndPersists(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    StructType wrong = new StructType().add("country", "string").add("region_iso", DataTypes.IntegerType)
        .add("place", "string");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new EventGeocoder().transformSchema(wrong));
    assertTrue(e.getMessage().contains("region_iso") && e.getMessage().contains("int"), e.getMessage());
    EventGeocoder g = new EventGeocoder().setPrecisionCol("precision");
    g.save(dir.resolve("g").toString());
    assertEquals("precision", EventGeocoder.load(dir.resolve("g").toString()).getOrDefault(g.precisionCol()));
  }
}
