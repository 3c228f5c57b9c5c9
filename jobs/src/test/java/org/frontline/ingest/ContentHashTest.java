package org.frontline.ingest;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.frontline.SparkTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.apache.spark.sql.functions.*;
import static org.junit.jupiter.api.Assertions.*;

/** {@link ContentHash} against the Spark expression it replaces, which earlier lakes' hashes were made by. */
class ContentHashTest extends SparkTest {
  /**
   * Pieces a text is made of: ASCII, every {@code \s} character, spaces that are not {@code \s}, and letters whose
   * lower case is special.
   */
  private static final String[] PIECES = {"Drones", "HIT", "kyiv", " ", "  ", "\t", "\n", "\r\n", "\u000B", "\f",
      "\u00A0", "\u2028", "\u3000", "ОДЕСА", "Київ", "ΟΔΥΣΣΕΑΣ", "Σ", "ΣΑΣ ", "Straße", "STRASSE", "ẞ", "İstanbul",
      "I", "ı", "ǅ", "ﬀ", "Ꙋ", "e\u0301", "\uD83D\uDE80", "\uD83D", "\uDE80", "\u0000", "1,200", "—", "’", "ÀÉÎ",
      "ΆΈΉ", "\u0130\u0307", "Ⅻ", "Ⓐ", "ＡＢＣ", "𐐀", "ꭰ", "ǈ"};

  @Test
  void equalsSparksLowerWhitespaceAndSha2OnRandomTexts() {
    Random r = new Random(17);
    List<Row> rows = new ArrayList<>();
    rows.add(RowFactory.create((String) null));
    rows.add(RowFactory.create(""));
    rows.add(RowFactory.create("   "));
    for (int i = 0; i < 3000; i++) {
      StringBuilder b = new StringBuilder();
      int n = r.nextInt(12);
      boolean ascii = r.nextInt(3) == 0;
      for (int k = 0; k < n; k++) {
        String p = PIECES[r.nextInt(PIECES.length)];
        if (ascii && p.chars().anyMatch(c -> c >= 0x80)) {
          p = r.nextBoolean() ? "A b" : " \t";
        }
        b.append(p);
      }
      rows.add(RowFactory.create(b.toString()));
    }
    StructType schema = new StructType().add("content", DataTypes.StringType, true);
    List<Row> out = spark().createDataFrame(rows, schema)
        .select(col("content"),
            sha2(regexp_replace(lower(coalesce(col("content"), lit(""))), "\\s+", " "), 256).as("spark"))
        .collectAsList();
    assertEquals(rows.size(), out.size());
    int nonAscii = 0;
    for (Row row : out) {
      String content = row.getString(0);
      nonAscii += content != null && content.chars().anyMatch(c -> c >= 0x80) ? 1 : 0;
      assertEquals(row.getString(1), ContentHash.of(content), "content '" + content + "'");
    }
    assertTrue(nonAscii > 1000 && nonAscii < out.size() - 500, "non-ASCII texts: " + nonAscii);
  }
}
