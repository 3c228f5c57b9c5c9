package org.frontline.ingest;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.frontline.SparkTest;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

class ExactDuplicateMarkerTest extends SparkTest {
  private static final StructType SCHEMA = new StructType()
      .add("row_id", DataTypes.LongType, false)
      .add("doc_id", DataTypes.StringType, false)
      .add("content_hash", DataTypes.StringType, false)
      .add("content", DataTypes.StringType, true)
      .add("priority", DataTypes.IntegerType, false)
      .add("published_at", DataTypes.TimestampType, true)
      .add("source_file", DataTypes.StringType, false)
      .add("position", DataTypes.LongType, true);

  private static Row record(long rowId, String id, String hash, String day, String file, long position) {
    return RowFactory.create(rowId, id, hash, "text of " + hash, 1,
        day == null ? null : Timestamp.valueOf(day + " 08:00:00"), file, position);
  }

  /** row_id → "dup_kind duplicate_of conflict content". */
  private static Map<Long, String> marks(List<Row> rows) {
    Dataset<Row> out = new ExactDuplicateMarker().transform(spark().createDataFrame(rows, SCHEMA));
    Map<Long, String> m = new TreeMap<>();
    for (Row r : out.select("row_id", "dup_kind", "duplicate_of", "conflict", "content").collectAsList()) {
      assertNull(m.put(r.getLong(0), r.get(1) + " " + r.get(2) + " " + r.get(3) + " " + r.get(4)),
          "one output row per input row");
    }
    return m;
  }

  @Test
  void marksRepeatedIdsConflictsAndExactCopiesAndKeepsEveryColumn() {
    Map<Long, String> m = marks(List.of(
        record(0, "a", "h1", "2025-03-01", "f1", 0),
        record(1, "a", "h1", "2025-03-02", "f1", 1),   // same id, same text, later: same_id
        record(2, "a", "h2", "2025-03-03", "f2", 0),   // same id, other text: conflict
        record(3, "b", "h1", "2025-03-04", "f2", 1),   // other id, same text as a: exact copy of a
        record(4, "c", "h3", null, "f2", 2),           // unique
        record(5, "d", "h3", "2025-03-05", "f3", 0))); // dated copy outranks the undated one
    assertEquals("null null false text of h1", m.get(0L));
    assertEquals("same_id a false text of h1", m.get(1L));
    assertEquals("null null true text of h2", m.get(2L));
    assertEquals("exact a false text of h1", m.get(3L));
    assertEquals("exact d false text of h3", m.get(4L));
    assertEquals("null null false text of h3", m.get(5L));
  }

  @Test
  void theRepresentativeIsTheEarliestWhateverTheInputOrder() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      // ids in reverse date order: the last row is the earliest copy
      rows.add(record(i, "id" + (1000 - i), "same", "2025-01-01", "f", i));
    }
    rows.add(record(500, "id0", "same", "2024-12-31", "g", 0));
    Map<Long, String> m = marks(rows);
    assertEquals(201, m.size());
    assertEquals("null null false text of same", m.get(500L));
    for (int i = 0; i < 200; i++) {
      assertEquals("exact id0 false text of same", m.get((long) i));
    }
  }

  @Test
  void rejectsAFrameWithoutItsRowKey() {
    Dataset<Row> noKey = spark().createDataFrame(List.of(record(0, "a", "h", null, "f", 0)), SCHEMA).drop("row_id");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ExactDuplicateMarker().transform(noKey));
    assertTrue(e.getMessage().contains("row_id"), e.getMessage());
  }
}
