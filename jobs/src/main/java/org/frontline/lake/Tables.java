package org.frontline.lake;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Every lake table's name and schema, in one place. {@code docs/TABLES.md} documents the same columns.
 * Tables are Delta tables (Parquet files plus a transaction log) under one lake directory.
 */
public final class Tables {
  private Tables() {}

  public static final String ARTICLES = "articles";
  public static final String DUPLICATES = "duplicates";
  public static final String QUARANTINE = "quarantine";
  public static final String MENTIONS = "mentions";
  public static final String EVENTS = "events";
  public static final String TOPICS = "topics";
  public static final String ARTICLE_TOPICS = "article_topics";
  public static final String TOPIC_TRENDS = "topic_trends";
  public static final String STRIKE_TRENDS = "strike_trends";
  public static final String SPIKES = "spikes";
  /** Each kept article's near-duplicate signature (stage {@code ingest}), kept in step with {@link #ARTICLES}. */
  public static final String BAND_KEYS = "band_keys";
  /** Fitted topic models: {@code LAKE/models/topics/<model_id>/} plus a {@code CURRENT} file naming the one in use. */
  public static final String TOPIC_MODELS = "models/topics";
  /** Run summaries: one JSON file per run under {@code LAKE/runs/}, readable with {@code spark.read.json}. */
  public static final String RUNS = "runs";

  /** The figures a strike report gives; per event: median, min and max across its sources. */
  public static final List<String> FIGURES = List.of("launched", "intercepted", "killed", "injured");

  public static final List<String> DATA_TABLES = List.of(ARTICLES, DUPLICATES, QUARANTINE, MENTIONS, EVENTS,
      TOPICS, ARTICLE_TOPICS, TOPIC_TRENDS, STRIKE_TRENDS, SPIKES, BAND_KEYS);

  /**
   * Columns whose values are nearly all distinct (free text, ids, hashes): their Parquet pages are written
   * without a dictionary. Parquet would otherwise hash every value into a dictionary, find it too large and
   * write the page again without one; in ingest's write of {@code articles} that was a third of the time.
   */
  public static final List<String> DISTINCT_VALUE_COLUMNS = List.of("doc_id", "title", "text", "url", "raw",
      "content_hash", "mention_id", "sentence", "event_id", "example_sentence", "shingles");

  /**
   * Free text, never filtered on: Delta keeps no min/max statistics for it. To keep them, Delta copied every
   * value of these columns as it wrote, a fifth of the CPU of ingest's write of {@code articles}.
   */
  public static final List<String> FREE_TEXT_COLUMNS = List.of("title", "text", "raw", "detail", "url", "sentence",
      "example_sentence");

  /**
   * The columns Delta keeps statistics for (its {@code delta.dataSkippingStatsColumns}, set when a table is
   * created): the table's columns of the types Delta keeps statistics for (numbers, strings, dates, times),
   * without {@link #FREE_TEXT_COLUMNS} and without its partition columns (Delta refuses those: their values
   * are in the file paths).
   */
  public static String statsColumns(String table) {
    return Arrays.stream(schemaOf(table).fields())
        .filter(f -> f.dataType() instanceof NumericType
            || f.dataType() == DataTypes.StringType || f.dataType() == DataTypes.DateType
            || f.dataType() == DataTypes.TimestampType)
        .map(StructField::name)
        .filter(name -> !FREE_TEXT_COLUMNS.contains(name) && !partitionColumns(table).contains(name))
        .collect(Collectors.joining(","));
  }

  /** Who struck (mentions and events {@code attacker}); the trend tables have one event count per attacker. */
  public static final List<String> ATTACKERS = List.of("RU", "UA", "unknown");

  /** The weapon classes the extractor assigns; the trend tables have one event count per class. */
  public static final List<String> WEAPONS = List.of("drone", "missile", "artillery", "airstrike", "glide_bomb",
      "unknown");

  /** Trend periods: calendar days, ISO weeks (Monday start) and calendar months. */
  public static final List<String> PERIODS = List.of("day", "week", "month");

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
      .add("read_error", DataTypes.StringType, true)
      // characters of the whole record, for a record the reader could not read (too large, undecodable, cut
      // short): the raw text it keeps of one may be only its start
      .add("raw_length", DataTypes.LongType, true);

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

  /**
   * One row per row of {@code articles} (same {@code doc_id, source_file}, partitioned the same way): the
   * article's near-duplicate signature. A later ingest finds the lake articles a new record may copy by
   * joining their band keys, instead of reading and shingling the articles' text again.
   */
  public static final StructType BAND_KEYS_SCHEMA = new StructType()
      .add("doc_id", DataTypes.StringType, false)
      .add("source_file", DataTypes.StringType, false)
      .add("published_date", DataTypes.DateType, true)
      .add("scheme", DataTypes.StringType, false)
      .add("shingles", DataTypes.BinaryType, false)
      .add("numbers", DataTypes.BinaryType, false)
      .add("band_keys", DataTypes.createArrayType(DataTypes.LongType), false);

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

  /**
   * One row per strike an article describes (stage {@code extract}); the sentence and its offsets in the
   * article's {@code text} are the provenance. See {@code docs/TABLES.md}.
   */
  /** One strike mention as the extractor emits it; the {@code mentions} table adds ids and article columns. */
  public static final StructType MENTION = new StructType()
      .add("sentence_index", DataTypes.IntegerType, false)
      .add("sentence_start", DataTypes.IntegerType, false)
      .add("sentence_end", DataTypes.IntegerType, false)
      .add("sentence", DataTypes.StringType, false)
      .add("sentence_field", DataTypes.StringType, false)
      .add("evidence_sentences", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
      .add("event_date", DataTypes.DateType, true)
      .add("date_basis", DataTypes.StringType, false)
      .add("follow_up", DataTypes.BooleanType, false)
      .add("country", DataTypes.StringType, false)
      .add("attacker", DataTypes.StringType, false)
      .add("region_iso", DataTypes.StringType, true)
      .add("place", DataTypes.StringType, true)
      .add("place_canonical", DataTypes.StringType, true)
      .add("place_kind", DataTypes.StringType, true)
      .add("weapon", DataTypes.StringType, false)
      .add("weapon_model", DataTypes.StringType, true)
      .add("launched", DataTypes.IntegerType, true)
      .add("launched_qualifier", DataTypes.StringType, true)
      .add("intercepted", DataTypes.IntegerType, true)
      .add("killed", DataTypes.IntegerType, true)
      .add("injured", DataTypes.IntegerType, true)
      .add("confidence", DataTypes.DoubleType, false);

  public static final StructType MENTIONS_SCHEMA = merge(new StructType()
      .add("mention_id", DataTypes.StringType, false)
      .add("doc_id", DataTypes.StringType, false)
      .add("source_file", DataTypes.StringType, false)
      .add("published_date", DataTypes.DateType, true)
      .add("source", DataTypes.StringType, true)
      .add("url", DataTypes.StringType, true)
      .add("title", DataTypes.StringType, true), MENTION);

  private static StructType merge(StructType a, StructType b) {
    StructType out = a;
    for (var f : b.fields()) {
      out = out.add(f);
    }
    return out;
  }

  /** One row per real-world strike: the mentions of the same strike across articles (stage {@code events}). */
  public static final StructType EVENTS_SCHEMA = figures(new StructType()
      .add("event_id", DataTypes.StringType, false)
      .add("event_date", DataTypes.DateType, false)
      .add("time_precision", DataTypes.IntegerType, true)
      .add("country", DataTypes.StringType, false)
      .add("attacker", DataTypes.StringType, false)
      .add("region_iso", DataTypes.StringType, true)
      .add("place", DataTypes.StringType, true)
      .add("weapon", DataTypes.StringType, false)
      .add("weapon_model", DataTypes.StringType, true)
      .add("n_mentions", DataTypes.LongType, false)
      .add("n_articles", DataTypes.LongType, false)
      .add("n_sources", DataTypes.LongType, false)
      .add("doc_ids", DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add("mention_ids", DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add("launched_qualifier", DataTypes.StringType, true))
      .add("first_published", DataTypes.DateType, true)
      .add("confidence", DataTypes.DoubleType, false)
      .add("example_sentence", DataTypes.StringType, false)
      .add("lat", DataTypes.DoubleType, true)
      .add("lon", DataTypes.DoubleType, true)
      .add("geo_precision", DataTypes.IntegerType, true);

  private static StructType figures(StructType s) {
    StructType out = s;
    for (String f : FIGURES) {
      out = out.add(f + "_median", DataTypes.DoubleType, true)
          .add(f + "_min", DataTypes.IntegerType, true)
          .add(f + "_max", DataTypes.IntegerType, true);
    }
    return out;
  }

  /** A weighted term: a topic's distinctive terms are an array of these, best first. */
  public static final StructType TERM = new StructType()
      .add("term", DataTypes.StringType, false)
      .add("weight", DataTypes.DoubleType, false);

  /**
   * One row per topic ever issued (stage {@code topics}): its label and distinctive terms from the model that
   * last defined it, its size under the current model ({@code status} active), or 0 once it vanished
   * ({@code status} retired: its id is never given to another topic).
   */
  public static final StructType TOPICS_SCHEMA = new StructType()
      .add("topic_id", DataTypes.IntegerType, false)
      .add("label", DataTypes.StringType, false)
      .add("terms", DataTypes.createArrayType(TERM, false), false)
      .add("size", DataTypes.LongType, false)
      .add("share", DataTypes.DoubleType, false)
      .add("status", DataTypes.StringType, false)
      .add("model_id", DataTypes.StringType, false)
      .add("algorithm", DataTypes.StringType, false);

  /**
   * Each kept article's topic under the current model and how firmly it belongs (cosine or probability);
   * both null for an article without a single term of the model's vocabulary (it has no topic).
   */
  public static final StructType ARTICLE_TOPICS_SCHEMA = new StructType()
      .add("doc_id", DataTypes.StringType, false)
      .add("published_date", DataTypes.DateType, true)
      .add("topic_id", DataTypes.IntegerType, true)
      .add("score", DataTypes.DoubleType, true)
      .add("model_id", DataTypes.StringType, false);

  /**
   * Articles per topic per day and per ISO week (Monday start), zeros included, with the share of the
   * period's dated articles and the terms most distinctive of the topic in that period.
   */
  public static final StructType TOPIC_TRENDS_SCHEMA = new StructType()
      .add("period", DataTypes.StringType, false)
      .add("period_start", DataTypes.DateType, false)
      .add("topic_id", DataTypes.IntegerType, false)
      .add("label", DataTypes.StringType, false)
      .add("articles", DataTypes.LongType, false)
      .add("period_articles", DataTypes.LongType, false)
      .add("share", DataTypes.DoubleType, false)
      .add("top_terms", DataTypes.createArrayType(DataTypes.StringType, true), false);

  /** The trend column counting the events of one attacker: {@code events_by_ru}, {@code events_by_unknown}. */
  public static String attackerColumn(String attacker) {
    return "events_by_" + attacker.toLowerCase(Locale.ROOT);
  }

  /**
   * Strike events per area and period, zero-filled (stage {@code trends}). An area is an oblast
   * ({@code UA-xx}), {@code UA} (every event in Ukraine, national summaries included) or {@code RU} (every
   * event on Russian territory). Figures are sums (and medians) of the events' median figures.
   */
  public static final StructType STRIKE_TRENDS_SCHEMA = strikeTrends();

  private static StructType strikeTrends() {
    StructType s = new StructType()
        .add("period", DataTypes.StringType, false)
        .add("period_start", DataTypes.DateType, false)
        .add("period_end", DataTypes.DateType, false)
        .add("complete", DataTypes.BooleanType, false)
        .add("area", DataTypes.StringType, false)
        .add("area_kind", DataTypes.StringType, false)
        .add("area_name", DataTypes.StringType, false)
        .add("events", DataTypes.LongType, false);
    for (String w : WEAPONS) {
      s = s.add("events_" + w, DataTypes.LongType, false);
    }
    for (String a : ATTACKERS) {
      s = s.add(attackerColumn(a), DataTypes.LongType, false);
    }
    return s.add("launched_sum", DataTypes.DoubleType, false)
        .add("launched_median", DataTypes.DoubleType, true)
        .add("intercepted_sum", DataTypes.DoubleType, false)
        .add("intercepted_median", DataTypes.DoubleType, true)
        .add("killed", DataTypes.DoubleType, false)
        .add("injured", DataTypes.DoubleType, false)
        .add("articles", DataTypes.LongType, false)
        .add("sources", DataTypes.LongType, false)
        .add("events_prev", DataTypes.LongType, true)
        .add("events_7d_avg", DataTypes.DoubleType, true)
        .add("launched_7d_avg", DataTypes.DoubleType, true)
        .add("killed_7d_avg", DataTypes.DoubleType, true)
        .add("injured_7d_avg", DataTypes.DoubleType, true)
        .add("wow_change", DataTypes.LongType, true)
        .add("wow_change_pct", DataTypes.DoubleType, true);
  }

  /**
   * Each area's ISO week against its trailing baseline (stage {@code trends}): the robust z-score of the
   * week's value against the median and MAD of the previous weeks, the flag and its reason in words.
   */
  public static final StructType SPIKES_SCHEMA = new StructType()
      .add("week_start", DataTypes.DateType, false)
      .add("area", DataTypes.StringType, false)
      .add("area_name", DataTypes.StringType, false)
      .add("metric", DataTypes.StringType, false)
      .add("value", DataTypes.DoubleType, false)
      .add("baseline_weeks", DataTypes.IntegerType, false)
      .add("baseline_median", DataTypes.DoubleType, true)
      .add("baseline_mad", DataTypes.DoubleType, true)
      .add("z", DataTypes.DoubleType, true)
      .add("spike", DataTypes.BooleanType, false)
      .add("reason", DataTypes.StringType, false);

  public static StructType schemaOf(String table) {
    switch (table) {
      case ARTICLES: return ARTICLES_SCHEMA;
      case DUPLICATES: return DUPLICATES_SCHEMA;
      case QUARANTINE: return QUARANTINE_SCHEMA;
      case MENTIONS: return MENTIONS_SCHEMA;
      case EVENTS: return EVENTS_SCHEMA;
      case TOPICS: return TOPICS_SCHEMA;
      case ARTICLE_TOPICS: return ARTICLE_TOPICS_SCHEMA;
      case TOPIC_TRENDS: return TOPIC_TRENDS_SCHEMA;
      case STRIKE_TRENDS: return STRIKE_TRENDS_SCHEMA;
      case SPIKES: return SPIKES_SCHEMA;
      case BAND_KEYS: return BAND_KEYS_SCHEMA;
      default: throw new IllegalArgumentException("unknown table '" + table + "'; tables are " + DATA_TABLES);
    }
  }

  /**
   * Partition columns per table: the tables with a row (or rows) per kept article by its publication date, so
   * a day's rows are one directory and a night's writes and deletes, which name the days of its articles,
   * touch those days' files only.
   */
  public static List<String> partitionColumns(String table) {
    return ARTICLES.equals(table) || BAND_KEYS.equals(table) || MENTIONS.equals(table)
        || ARTICLE_TOPICS.equals(table) ? List.of("published_date") : List.of();
  }

  /**
   * The column an unpartitioned table's files are ranged by when written (null: none): each file then holds
   * a run of consecutive values, so a filter or a {@code replaceWhere} on that column reads and rewrites the
   * files of those values only (Delta skips the others by their statistics). Events by their date: a night
   * replaces the events of a few weeks.
   */
  public static String rangeColumn(String table) {
    return EVENTS.equals(table) ? "event_date" : null;
  }
}
