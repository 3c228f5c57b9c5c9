package org.frontline.ingest;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.frontline.SparkTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.apache.spark.sql.functions.*;
import static org.junit.jupiter.api.Assertions.*;

class FieldMapperTest extends SparkTest {
  private static Row map(String json, FieldMapper mapper) {
    Dataset<Row> in = strings(cols("raw"), row(json)).withColumn("fields",
        from_json(col("raw"), DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType)));
    return mapper.transform(in).select("doc_id", "title", "body", "published_raw", "source", "url").first();
  }

  @Test
  void detectsTheUsualColumnNamesWhateverTheirCase() {
    Row r = map("{\"ID\":\"a1\",\"Headline\":\"Drones hit Odesa\",\"pubDate\":\"Wed, 04 Feb 2026 05:00:00 GMT\","
        + "\"Outlet\":\"Black Sea Courier\",\"link\":\"https://x.example/1\",\"content\":\"Body text.\"}",
        new FieldMapper());
    assertEquals("a1", r.getString(0));
    assertEquals("Drones hit Odesa", r.getString(1));
    assertEquals("Body text.", r.getString(2));
    assertEquals("Wed, 04 Feb 2026 05:00:00 GMT", r.getString(3));
    assertEquals("Black Sea Courier", r.getString(4));
    assertEquals("https://x.example/1", r.getString(5));
    Row spaced = map("{\"doc id\":\"b2\",\"Published At\":\"2026-02-04\",\"text\":\"x\"}", new FieldMapper());
    assertEquals("b2", spaced.getString(0));
    assertEquals("2026-02-04", spaced.getString(3));
  }

  @Test
  void joinsEveryTextColumnLeadFirstAndSkipsEmptyOrRepeatedOnes() {
    Row r = map("{\"doc_id\":\"c\",\"body\":\"The body.\",\"lead\":\"The lead.\","
        + "\"summary\":\"  \",\"text\":\"The body.\"}",
        new FieldMapper());
    assertEquals("The lead.\n\nThe body.", r.getString(2));
    assertNull(map("{\"doc_id\":\"d\",\"title\":\"t\"}", new FieldMapper()).get(2));
  }

  @Test
  void numbersAndNestedValuesArriveAsText() {
    Row r = map("{\"id\":42,\"title\":\"t\",\"body\":{\"p\":[\"one\"]},\"published\":1770181200}", new FieldMapper());
    assertEquals("42", r.getString(0));
    assertEquals("{\"p\":[\"one\"]}", r.getString(2));
    assertEquals("1770181200", r.getString(3));
  }

  @Test
  void explicitMappingOverridesDetection() {
    FieldMapper m = new FieldMapper().withOverrides(Map.of("id", "uid", "text", "kicker,story", "published", "when"));
    Row r = map("{\"doc_id\":\"ignored\",\"uid\":\"u7\",\"kicker\":\"K.\",\"story\":\"S.\","
        + "\"body\":\"not used\",\"when\":\"04.02.2026\"}", m);
    assertEquals("u7", r.getString(0));
    assertEquals("K.\n\nS.", r.getString(2));
    assertEquals("04.02.2026", r.getString(3));
    IngestException e = assertThrows(IngestException.class,
        () -> new FieldMapper().withOverrides(Map.of("author", "x")));
    assertTrue(e.getMessage().contains("unknown field in --map: 'author'"));
  }

  @Test
  void recordKeysAreNormalisedAsTheSparkExpressionDid() {
    String[] pieces = {"pub", "Date", "ID", "doc", " ", "-", "_", "__", ".", "\n", "Title", "İ", "Ş", "é", "ß", "Σ",
        "ǅ", "2", "x", "\u00A0", "Ä", "ı", "K"};
    Random r = new Random(5);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      StringBuilder b = new StringBuilder();
      for (int k = 0, n = 1 + r.nextInt(5); k < n; k++) {
        b.append(pieces[r.nextInt(pieces.length)]);
      }
      rows.add(RowFactory.create(b.toString()));
    }
    Dataset<Row> keys = spark().createDataFrame(rows, new StructType()
        .add("k", DataTypes.StringType, false));
    Column k = col("k");
    Column before = when(k.rlike("^[a-z0-9]+(?:_[a-z0-9]+)*$"), k)
        .otherwise(regexp_replace(regexp_replace(lower(k), "[^a-z0-9]+", "_"), "^_|_$", ""));
    int changed = 0;
    for (Row row : keys.select(k, before).collectAsList()) {
      assertEquals(row.getString(1), FieldMapper.normalizeKey(row.getString(0)), "key '" + row.getString(0) + "'");
      changed += row.getString(0).equals(row.getString(1)) ? 0 : 1;
    }
    assertTrue(changed > 2000, "keys rewritten: " + changed);
  }

  @Test
  void keysThatNormaliseAlikeKeepTheLastAsBefore() {
    Row r = map("{\"Title\":\"first\",\"title\":\"second\",\"TITLE \":\"third\",\"id\":\"z\",\"text\":\"x\"}",
        new FieldMapper());
    Dataset<Row> in = strings(cols("raw"), row("{\"Title\":\"first\",\"title\":\"second\",\"TITLE \":\"third\"}"))
        .withColumn("m", from_json(col("raw"), DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType)));
    String old = in.select(element_at(transform_keys(col("m"),
        (key, v) -> when(key.rlike("^[a-z0-9]+(?:_[a-z0-9]+)*$"), key)
            .otherwise(regexp_replace(regexp_replace(lower(key), "[^a-z0-9]+", "_"), "^_|_$", ""))), lit("title")))
        .first().getString(0);
    assertEquals(old, r.getString(1));
  }
}
