package org.frontline.common;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.frontline.ingest.TextCleaner;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Output columns: added, refused when they would replace a caller's column, replaced only when asked. */
class ColumnTransformerTest {
  private static final StructType ARTICLE = new StructType().add("title", DataTypes.StringType)
      .add("body", DataTypes.StringType).add("text", DataTypes.IntegerType);

  @Test
  void anOutputColumnIsAddedAndAnExistingOneIsRefusedByName() {
    StructType out = ColumnTransformer.withField(ARTICLE, "clean", DataTypes.StringType);
    assertEquals(DataTypes.StringType, out.apply("clean").dataType());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ColumnTransformer.withField(ARTICLE, "text", DataTypes.StringType));
    assertEquals("Output column 'text' already exists (as int); choose another output column", e.getMessage());
  }

  @Test
  void replacingIsExplicit() {
    StructType out = ColumnTransformer.replaceField(ARTICLE, "text", DataTypes.StringType);
    assertEquals(3, out.size());
    assertEquals(DataTypes.StringType, out.apply("text").dataType());
  }

  @Test
  void aCleanerMayCleanItsColumnInPlaceButNotOverwriteAnother() {
    assertEquals(ARTICLE, new TextCleaner().setInputCol("title").setOutputCol("title").transformSchema(ARTICLE));
    assertThrows(IllegalArgumentException.class,
        () -> new TextCleaner().setInputCol("body").setOutputCol("title").transformSchema(ARTICLE));
  }
}
