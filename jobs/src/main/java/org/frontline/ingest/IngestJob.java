package org.frontline.ingest;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.frontline.common.ColumnTransformer;
import org.frontline.common.Concurrently;
import org.frontline.common.Progress;
import org.frontline.common.Sessions;
import org.frontline.ingest.InputFiles.Expansion;
import org.frontline.ingest.InputFiles.Format;
import org.frontline.ingest.InputFiles.InputFile;
import org.frontline.lake.Lake;
import org.frontline.lake.Tables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.*;
import static org.frontline.common.ColumnTransformer.materialize;
import static org.frontline.common.ColumnTransformer.once;

/**
 * The ingest stage, top to bottom: ReadRecords → ParseJson → MapFields → CleanText → ParseDates →
 * Validate → Sign → DetectLanguage → MarkExactDuplicates → MarkNearDuplicates → WriteTables → Summarise.
 * Every record read ends in exactly one of {@code articles} (kept), {@code duplicates} or
 * {@code quarantine}; the rows of the input files are replaced in each table, so a re-run over the same
 * files replaces, never doubles, them.
 */
public final class IngestJob {
  /** Options of the ingest stage, validated at construction. */
  public record Options(List<String> inputs, Format format, Map<String, String> mapping, long maxRecordBytes,
                        double minNearSimilarity, int lakeWindowDays) {
    public Options {
      if (inputs == null || inputs.isEmpty()) {
        throw new IngestException("no --input given");
      }
      if (maxRecordBytes <= 0) {
        throw new IngestException("--max-record-bytes must be positive");
      }
      if (minNearSimilarity <= 0 || minNearSimilarity > 1) {
        throw new IngestException("--near-duplicate-similarity must be in (0, 1]");
      }
      mapping = mapping == null ? Map.of() : mapping;
    }

    /** Default largest record (also the {@code --max-record-bytes} default). */
    public static final long DEFAULT_MAX_RECORD_BYTES = 1 << 20;
    /** Default days around a new article that lake articles are compared with ({@code --lake-window-days}). */
    public static final int DEFAULT_LAKE_WINDOW_DAYS = 7;

    /** The options of an ingest of {@code inputs} with every default. */
    public static Options of(List<String> inputs) {
      return new Options(inputs, null, Map.of(), DEFAULT_MAX_RECORD_BYTES, NearDuplicateMarker.DEFAULT_MIN_SIMILARITY,
          DEFAULT_LAKE_WINDOW_DAYS);
    }
  }

  private final SparkSession spark;
  private final Lake lake;
  private final Options options;

  public IngestJob(SparkSession spark, Lake lake, Options options) {
    this.spark = spark;
    this.lake = lake;
    this.options = options;
  }

  /** Runs the stage over the inputs and returns what it read, kept, marked and quarantined. */
  public IngestResult run() {
    Progress p = Progress.start("ingest", "listing inputs " + options.inputs());
    Expansion expansion = InputFiles.expand(options.inputs(), options.format(),
        spark.sparkContext().hadoopConfiguration());
    List<InputFile> files = expansion.files();
    if (!expansion.skipped().isEmpty()) {
      Progress.info("ingest", "skipped " + expansion.skipped().size() + " file(s) of unknown type: "
          + expansion.skipped());
    }
    Progress.info("ingest", "reading " + files.size() + " file(s)");
    FieldMapper mapper = new FieldMapper().withOverrides(options.mapping());

    Dataset<Row> raw = RecordReaders.read(spark, files, options.maxRecordBytes());
    // cleaning and signing cost far more than a shuffle: the records' own partitions serve them when there are
    // enough of them (no shuffle of the text), else the raw records are spread first, unless they are few
    // (small data: the shuffle would cost more than the work it spreads)
    boolean spreadRaw = expansion.textBytes() > Sessions.INTERPRETED_MAX_BYTES && raw.rdd().getNumPartitions()
        < ColumnTransformer.SPREAD * spark.sparkContext().defaultParallelism();
    Dataset<Row> input = spreadRaw ? ColumnTransformer.spread(raw, hash(col("source_file"), col("position"))) : raw;
    // each record's near-duplicate signature is computed once, here: it is compared, then stored in band_keys
    NearDuplicateMarker near = new NearDuplicateMarker().setMinSimilarity(options.minNearSimilarity())
        .setSpreadInput(false);
    // and its language, whatever its fate (a copy's is not stored): what reads the content is done before the
    // records are materialised, so the frame every later step reads holds the text once, not twice
    Dataset<Row> records = materialize(new LanguageTagger().setInputCol("content")
        .transform(near.sign(prepare(input, mapper)))
        .drop("content")
        .withColumn(ROW_ID, monotonically_increasing_id()));
    Progress.info("ingest", String.format("read %,d records in %.1f s; finding duplicates", records.count(),
        p.seconds()));

    // duplicate detection sees only the columns it reads (no raw record, no text: the content hash and the
    // signature stand for it): the frames it sorts and joins are a fraction of the records' width; its marks are
    // joined back by row id
    Dataset<Row> candidates = records.where(col("reason").isNull()).withColumn("priority", lit(1))
        .withColumn("from_lake", lit(false)).select(DUP_COLUMNS);
    // not materialised: its rows are a broadcast join of the materialised records and marks
    Dataset<Row> exact = new ExactDuplicateMarker()
        .transform(candidates.unionByName(lakeNeighbours(files, records, near).select(DUP_COLUMNS)));
    Progress.info("ingest", String.format("exact copies marked in %.1f s", p.seconds()));
    Dataset<Row> markedAll = materialize(near.transform(exact)
        .drop(NearDuplicateMarker.SHINGLES, NearDuplicateMarker.NUMBERS, NearDuplicateMarker.BAND_KEYS));
    Dataset<Row> marks = markedAll.where(not(col("from_lake")).and(col("dup_kind").isNotNull().or(col("conflict"))))
        .select(col(ROW_ID), col("dup_kind"), col("duplicate_of"), col("similarity"), col("conflict"));
    long nMarks = marks.count();
    Progress.info("ingest", String.format("near copies marked in %.1f s: %,d record(s) marked", p.seconds(), nMarks));
    Dataset<Row> marked = records.where(col("reason").isNull())
        .join(nMarks <= MAX_BROADCAST_MARKS ? broadcast(marks) : marks, ROW_ID, "left")
        .withColumn("conflict", coalesce(col("conflict"), lit(false)));

    Dataset<Row> unmaterialised = marked
        .withColumn("reason", when(col("conflict"), lit(Reason.ID_CONFLICT.name())))
        .withColumn("detail", when(col("conflict"), lit(Reason.ID_CONFLICT.description)))
        .withColumn("status", when(col("conflict"), lit("quarantined"))
            .when(col("dup_kind").isNotNull(), lit("duplicate")).otherwise(lit("kept")))
        .unionByName(records.where(col("reason").isNotNull()).withColumn("status", lit("quarantined")),
            true);
    // read by the four writes and the counts: with the marks broadcast, each reads the materialised records; when
    // they are too many to broadcast, the shuffle join that classifies is done once, into a checkpoint
    Dataset<Row> classified = nMarks <= MAX_BROADCAST_MARKS ? unmaterialised : materialize(unmaterialised);

    Column ownRows = col("source_file").isin(files.stream().map(InputFile::path).toArray());
    // the articles an earlier run kept from these files, with their day as it was: the rows they left in the
    // tables keyed by article lie in those days, whatever this run makes of them
    Dataset<Row> replaced = lake.exists(Tables.ARTICLES)
        ? materialize(lake.read(Tables.ARTICLES).where(ownRows).select("doc_id", "source_file", "published_date"))
        : null;
    Progress.info("ingest", "writing articles, band_keys, duplicates and quarantine to " + lake.root());
    // four tables, four commits, side by side: each reads the materialised records and the broadcast marks only
    // (the classified checkpoint when the marks are not broadcast)
    Concurrently.run("ingest-write",
        () -> lake.replace(Tables.ARTICLES, classified.where(col("status").equalTo("kept")), ownRows),
        () -> lake.replace(Tables.BAND_KEYS, classified.where(col("status").equalTo("kept"))
            .withColumn("scheme", lit(near.scheme())), ownRows),
        () -> lake.replace(Tables.DUPLICATES, classified.where(col("status").equalTo("duplicate"))
            .withColumn("kind", col("dup_kind")), ownRows),
        () -> lake.replace(Tables.QUARANTINE, classified.where(col("status").equalTo("quarantined"))
            .withColumn("raw_length", coalesce(col("raw_length"), length(col("raw")).cast(DataTypes.LongType))),
            ownRows));

    Demotion demotion = demote(markedAll.where(col("from_lake").and(col("dup_kind").isNotNull()
        .or(col("conflict")))));
    Progress.info("ingest", String.format("tables written in %.1f s", p.seconds()));
    Map<String, String> formatByFile = new LinkedHashMap<>();
    files.forEach(f -> formatByFile.put(f.path(), f.formatLabel()));
    IngestResult result = IngestResult.count(formatByFile, expansion.skipped(), classified, demotion.count(),
        replaced == null ? demotion.articles() : replaced.unionByName(demotion.articles()));
    p.done(String.format("read=%d kept=%d duplicates=%d quarantined=%d", result.read(), result.kept(),
        result.duplicates(), result.quarantined()));
    return result;
  }

  /** The earlier articles an ingest demoted: how many, and their {@code doc_id, source_file, published_date}. */
  private record Demotion(long count, Dataset<Row> articles) {}

  /**
   * Articles of earlier runs that this batch outranks (an earlier-published copy arrived late): they leave
   * {@code articles} for {@code duplicates} (or {@code quarantine} on an id conflict), and the duplicates
   * that pointed to them point to their new representative. This makes the lake independent of the order
   * in which files arrive.
   */
  private Demotion demote(Dataset<Row> lost) {
    Dataset<Row> rows = materialize(lost
        .withColumn("reason", when(col("conflict"), lit(Reason.ID_CONFLICT.name())))
        .withColumn("detail", when(col("conflict"), lit(Reason.ID_CONFLICT.description)))
        .withColumn("kind", col("dup_kind"))
        .withColumn("raw_length", lit(null).cast(DataTypes.LongType))
        .withColumn("raw", lit(null).cast(DataTypes.StringType)));
    Row counts = rows.agg(count(lit(1)), count(when(col("conflict"), 1))).first();
    long n = counts.getLong(0);
    long conflicts = counts.getLong(1);
    Demotion demotion = new Demotion(n, rows.select("doc_id", "source_file", "published_date"));
    if (n == 0) {
      return demotion;
    }
    Progress.info("ingest", n + " earlier article(s) are copies of this batch's and become duplicates");
    // with their day: each MERGE reads the partitions of the demoted articles' days, not the whole table
    Dataset<Row> keys = demotion.articles();
    // no empty commits: each is a Delta transaction, and a night usually demotes a copy or two, no conflict.
    // The articles leave first: until they have, a rerun demotes them again, so the rows added below must not
    // be committed before it. Then one table per task, side by side (the duplicates' append and repoint in
    // turn), each reading the materialised rows only
    lake.deleteMatching(Tables.ARTICLES, keys, "doc_id", "source_file");
    Dataset<Row> dups = rows.where(not(col("conflict")));
    List<Runnable> writes = new ArrayList<>(List.of(
        () -> lake.deleteMatching(Tables.BAND_KEYS, keys, "doc_id", "source_file")));
    if (conflicts < n) {
      writes.add(() -> {
        lake.append(Tables.DUPLICATES, dups);
        lake.repoint(Tables.DUPLICATES, "duplicate_of",
            dups.select(col("doc_id").as("old"), col("duplicate_of").as("new")));
      });
    }
    if (conflicts > 0) {
      writes.add(() -> lake.append(Tables.QUARANTINE, rows.where(col("conflict"))));
    }
    Concurrently.run("ingest-demote", writes.toArray(new Runnable[0]));
    return demotion;
  }

  /** {@link ContentHash#of}: Spark's {@code sha2(regexp_replace(lower(content), "\\s+", " "), 256)} in one pass. */
  private static final UserDefinedFunction CONTENT_HASH =
      udf((UDF1<String, String>) ContentHash::of, DataTypes.StringType)
          .asNonNullable();

  /**
   * What duplicate detection compares: the title and the text, one per line; null when both are empty. A lake
   * article's content is its stored title and text joined the same way.
   */
  private static final Column CONTENT = nullif(concat_ws("\n", col("title"), col("text")), lit(""));
  /** A record's row id within one run: the key the duplicate marks are joined back by. */
  private static final String ROW_ID = "row_id";
  /**
   * The columns duplicate detection reads (the order key, the id, the content hash and the near-duplicate
   * signature) and the few a demoted lake article needs for the duplicates table.
   */
  private static final Column[] DUP_COLUMNS = Stream.of(ROW_ID, "doc_id", "content_hash", NearDuplicateMarker.SHINGLES,
      NearDuplicateMarker.NUMBERS, NearDuplicateMarker.BAND_KEYS, "priority", "from_lake", "published_at",
      "published_date", "source_file", "position_kind", "position", "title", "source", "url")
      .map(functions::col).toArray(Column[]::new);
  /** The duplicate marks of a batch are broadcast to the records up to this many rows. */
  static final long MAX_BROADCAST_MARKS = ExactDuplicateMarker.MAX_BROADCAST_MARKS;

  /** Raw records → one row per record with article fields, cleaned text and a quarantine reason or null. */
  Dataset<Row> prepare(Dataset<Row> raw, FieldMapper mapper) {
    Column parsed = from_json(col("raw"), DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType),
        Map.of("mode", "PERMISSIVE"));
    Dataset<Row> withFields = raw
        .withColumn("fields", when(col("format").equalTo("jsonl").and(col("read_error").isNull()), parsed)
            .otherwise(col("fields")))
        .withColumn("read_error", coalesce(col("read_error"),
            when(col("fields").isNull(), lit(Reason.MALFORMED_JSON.name()))))
        .withColumn("fields", coalesce(col("fields"), expr("cast(map() as map<string,string>)")));
    Dataset<Row> mapped = mapper.transform(withFields);
    Dataset<Row> cleaned = new TextCleaner().setInputCol("body").setOutputCol("text").transform(
        new TextCleaner().setInputCol("title").setOutputCol("title").transform(mapped));
    cleaned = new HeadlineCleaner().transform(cleaned);
    Dataset<Row> dated = new PublishedDateParser().transform(cleaned);
    Column reason = coalesce(col("read_error"),
        when(col("doc_id").isNull(), lit(Reason.NO_ID.name())),
        when(col("content").isNull(), lit(Reason.NO_TEXT.name())));
    return dated
        .withColumn("content", once(CONTENT))
        .withColumn("n_chars", coalesce(length(col("content")), lit(0)))
        .withColumn("content_hash", CONTENT_HASH.apply(col("content")))
        .withColumn("reason", reason)
        .withColumn("detail", Reason.describe(col("reason")))
        // counted here only for a record about to be truncated; the others' raw stays whole, and is counted
        // when it is written to quarantine (most records are kept, and a count is a scan of the record)
        .withColumn("raw_length", coalesce(col("raw_length"), when(octet_length(col("raw"))
            .gt(RecordReaders.RAW_KEEP_CHARS), length(col("raw")).cast(DataTypes.LongType))))
        // no character count (a scan of the record) when its bytes already fit: most records are short
        .withColumn("raw", when(octet_length(col("raw")).leq(RecordReaders.RAW_KEEP_CHARS), col("raw"))
            .otherwise(substring(col("raw"), 1, RecordReaders.RAW_KEEP_CHARS)))
        .drop("fields", "body", "read_error");
  }

  /**
   * Articles already in the lake that new records may repeat: those published within the lake window of
   * the batch's dates, not from the batch's own files (those are being replaced), that share a band key
   * ({@link Tables#BAND_KEYS}), the content hash or the id with a new record. No other lake article can be a
   * copy of a new record or share its id. They take part in duplicate detection on equal terms
   * ({@code from_lake}): the earliest published copy is the representative whichever run brought it, and an
   * earlier article outranked by a new one is demoted. Their signatures are read, not computed.
   */
  Dataset<Row> lakeNeighbours(List<InputFile> files, Dataset<Row> records, NearDuplicateMarker near) {
    Dataset<Row> empty = records.limit(0).withColumn("priority", lit(1)).withColumn("from_lake", lit(true));
    if (!lake.exists(Tables.ARTICLES)) {
      return empty;
    }
    Dataset<Row> fresh = records.where(col("reason").isNull());
    Row range = fresh.agg(min("published_date"), max("published_date")).first();
    Column inWindow;
    if (range.isNullAt(0)) {
      inWindow = col("published_date").isNull();
    } else {
      int w = options.lakeWindowDays();
      inWindow = col("published_date").between(date_sub(lit(range.getDate(0)), w),
          date_add(lit(range.getDate(1)), w)).or(col("published_date").isNull());
    }
    Column scope = inWindow.and(not(col("source_file").isin(files.stream().map(InputFile::path).toArray())));
    Dataset<Row> signatures = signatures(scope, near);
    Dataset<Row> byBand = signatures
        .select(col("doc_id"), col("source_file"), explode(col(NearDuplicateMarker.BAND_KEYS)).as("key"))
        .join(fresh.select(explode(col(NearDuplicateMarker.BAND_KEYS)).as("key")).distinct(), new String[] {"key"},
            "left_semi");
    Dataset<Row> existing = lake.read(Tables.ARTICLES).where(scope).drop("text", "language");
    Dataset<Row> byHash = existing.join(fresh.select("content_hash").distinct(), new String[] {"content_hash"},
        "left_semi");
    // and those with a new record's id: a different text under the same id is an id conflict
    Dataset<Row> byId = existing.join(fresh.select("doc_id").distinct(), new String[] {"doc_id"}, "left_semi");
    Dataset<Row> hits = byBand.select("doc_id", "source_file").union(byHash.select("doc_id", "source_file"))
        .union(byId.select("doc_id", "source_file")).distinct();
    // a negative row id of their own (the batch's are non-negative), fixed by the checkpoint: the duplicate
    // marks are joined back by it
    Dataset<Row> asRecords = existing.join(hits, KEY, "left_semi")
        .join(signatures.select(col("doc_id"), col("source_file"), col(NearDuplicateMarker.SHINGLES),
            col(NearDuplicateMarker.NUMBERS), col(NearDuplicateMarker.BAND_KEYS)), KEY, "left")
        .withColumn(ROW_ID, lit(-1L).minus(monotonically_increasing_id()))
        .withColumn("priority", lit(1))
        .withColumn("from_lake", lit(true));
    Dataset<Row> neighbours = materialize(empty.unionByName(asRecords, true));
    Progress.info("ingest", String.format("%,d lake article(s) of the window share a band key, the content hash or"
        + " the id with a new record: they take part in duplicate detection", neighbours.count()));
    return neighbours;
  }

  /** An article's key in {@code articles} and {@code band_keys}. */
  private static final String[] KEY = {"doc_id", "source_file"};

  /**
   * The stored signatures of the lake's articles in {@code scope}. Articles in scope without one (a lake
   * written before {@code band_keys} existed, or signed under another {@link NearDuplicateMarker#scheme}) are
   * signed from their text first and their signatures stored, so a lake catches up once, where it is read.
   */
  private Dataset<Row> signatures(Column scope, NearDuplicateMarker near) {
    Column current = col("scheme").equalTo(near.scheme());
    boolean stored = lake.exists(Tables.BAND_KEYS);
    Dataset<Row> articles = lake.read(Tables.ARTICLES).where(scope);
    Dataset<Row> missing = stored
        ? articles.select(KEY[0], KEY[1]).join(lake.read(Tables.BAND_KEYS).where(scope.and(current)), KEY, "left_anti")
        : articles.select(KEY[0], KEY[1]);
    long n = missing.count();
    if (n > 0) {
      Progress.info("ingest", String.format("%,d lake article(s) in the window have no band keys of scheme '%s':"
          + " signing them from their text", n, near.scheme()));
      Dataset<Row> signed = materialize(near.sign(articles.join(missing, KEY, "left_semi")
              .withColumn("content", CONTENT))
          .withColumn("scheme", lit(near.scheme())));
      lake.deleteMatching(Tables.BAND_KEYS, signed, KEY);
      lake.append(Tables.BAND_KEYS, signed);
    }
    return lake.read(Tables.BAND_KEYS).where(scope.and(current));
  }
}
