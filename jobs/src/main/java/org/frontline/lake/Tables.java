package org.frontline.lake;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.List;

/**
 * Every lake table's name and schema, in one place. {@code docs/TABLES.md} documents the same columns.
 * Tables are Delta tables (Parquet files plus a transaction log) under one lake directory.
 */
public final class Tables {
  private Tables() {}

  public static final String ARTICLES = "articles";
  public static final String DUPLICATES = "duplicates";
  public static final String QUARANTINE = "quarantine";
  /** Run summaries: one JSON file per run under {@code LAKE/runs/}, readable with {@code spark.read.json}. */
  public static final String RUNS = "runs";

  public static final List<String> DATA_TABLES = List.of(ARTICLES, DUPLICATES, QUARANTINE);

  /** Where a record came from: every row of every ingest table carries it. */
  private static StructType provenance(StructType s) {
    return s.add("source_file", DataTypes.StringType, false)
        .add("position_kind", DataTypes.StringType, false)
        .add("position", DataTypes.LongType, true);
  }

  /** Raw records as read, before any interpretation; not stored, the ingest readers' common output. */
  public static final StructType RAW_RECORD = provenance(new StructType())
      .add("format", DataTypes.StringType, false)
      .add("raw", DataTypes.StringType, true)
      .add("fields", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), true)
      .add("read_error", DataTypes.StringType, true);

  public static final StructType ARTICLES_SCHEMA = provenance(new StructType()
      .add("doc_id", DataTypes.StringType, false)
      .add("title", DataTypes.StringType, true)
      .add("text", DataTypes.StringType, true)
      .add("published_at", DataTypes.TimestampType, true)
      .add("published_date", DataTypes.DateType, true)
      .add("date_status", DataTypes.StringType, false)
      .add("source", DataTypes.StringType, true)
      .add("url", DataTypes.StringType, true)
      .add("language", DataTypes.StringType, false)
      .add("n_chars", DataTypes.IntegerType, false)
      .add("content_hash", DataTypes.StringType, false));

  public static final StructType DUPLICATES_SCHEMA = provenance(new StructType()
      .add("doc_id", DataTypes.StringType, false)
      .add("duplicate_of", DataTypes.StringType, false)
      .add("kind", DataTypes.StringType, false)
      .add("similarity", DataTypes.DoubleType, false)
      .add("title", DataTypes.StringType, true)
      .add("published_date", DataTypes.DateType, true)
      .add("source", DataTypes.StringType, true)
      .add("url", DataTypes.StringType, true));

  public static final StructType QUARANTINE_SCHEMA = provenance(new StructType()
      .add("reason", DataTypes.StringType, false)
      .add("detail", DataTypes.StringType, true)
      .add("doc_id", DataTypes.StringType, true)
      .add("raw", DataTypes.StringType, true)
      .add("raw_length", DataTypes.LongType, true));

  public static StructType schemaOf(String table) {
    switch (table) {
      case ARTICLES: return ARTICLES_SCHEMA;
      case DUPLICATES: return DUPLICATES_SCHEMA;
      case QUARANTINE: return QUARANTINE_SCHEMA;
      default: throw new IllegalArgumentException("unknown table '" + table + "'; tables are " + DATA_TABLES);
    }
  }

  /** Partition columns per table (articles by publication date, so a day's rows are one directory). */
  public static List<String> partitionColumns(String table) {
    return ARTICLES.equals(table) ? List.of("published_date") : List.of();
  }
}
