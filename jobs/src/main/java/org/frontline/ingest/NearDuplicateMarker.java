package org.frontline.ingest;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.sketch.BloomFilter;
import org.frontline.common.ColumnTransformer;
import scala.Tuple2;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import static org.apache.spark.sql.functions.*;

/**
 * Finds near-duplicate articles (syndicated copies, small edits) with MinHash locality-sensitive hashing
 * on word shingles, and points each to the representative of its group.
 *
 * <p>Shingles are word {@code shingleSize}-grams of the lower-cased title and text, as the indices of
 * {@code HashingTF}'s binary vector. Spark's {@link MinHashLSH} supplies {@code bands × rowsPerBand} seeded
 * hash functions (evaluated by {@link #minHashes}); the min-hashes of each article are cut into
 * bands and two articles are candidates when one whole band agrees (the classic AND-OR construction, which
 * keeps candidate pairs few: with 20 bands of 4 rows a pair of Jaccard similarity 0.6 is found with
 * probability 0.94, one of 0.7 with 0.996, one of 0.8 with 0.99999, while one of 0.3 becomes a candidate
 * with probability 0.15 and one of 0.1 with 0.002).
 * Every candidate pair is then scored by its exact Jaccard similarity of shingle sets and kept when it is
 * at least {@code minSimilarity}. Groups are the connected components of kept pairs; the representative is
 * the first member in {@link ExactDuplicateMarker#orderKey()} order. Bands with more than
 * {@code maxBucketSize} members (template or boilerplate texts) are skipped so that no bucket turns
 * quadratic; a true near duplicate shares several bands, so it is still found through the others.
 *
 * <p>Two texts that read alike are still not copies when they report different figures or days: recurring
 * reports ("Operational information of the General Staff as of ...", daily casualty tallies) share their
 * wording but not their numbers. A pair is therefore a near duplicate only if the sets of numbers in the
 * two texts have a Jaccard similarity of at least {@code minNumberSimilarity} and their publication dates,
 * when both are known, are at most {@code maxDaysApart} days apart.
 *
 * <p>Each document's shingle set, numbers and band keys are its signature ({@link #sign}); an input that
 * already has the signature columns (ingest signs new records as it reads them and reads the lake's
 * articles' signatures from the {@code band_keys} table) is not signed again, except its rows whose
 * {@code band_keys} is null.
 *
 * <p>Input rows with {@code dup_kind} already set are passed through. Output columns: {@code dup_kind}
 * ("near" for new finds), {@code duplicate_of}, {@code similarity} (highest similarity to a group member).
 */
public final class NearDuplicateMarker extends ColumnTransformer {
  /** Default least Jaccard similarity of a near copy (also the {@code --near-duplicate-similarity} default). */
  public static final double DEFAULT_MIN_SIMILARITY = 0.6;

  private final Param<String> idCol;
  private final Param<String> textCol;
  private final IntParam shingleSize;
  private final IntParam bands;
  private final IntParam rowsPerBand;
  private final DoubleParam minSimilarity;
  private final IntParam maxBucketSize;
  private final DoubleParam minNumberSimilarity;
  private final IntParam maxDaysApart;
  private final LongParam seed;
  private final BooleanParam spreadInput;

  public NearDuplicateMarker() {
    this(newUid("nearDuplicateMarker"));
  }

  public NearDuplicateMarker(String uid) {
    super(uid);
    idCol = param("idCol", "document id", "doc_id");
    textCol = param("textCol", "text to compare (title and body)", "content");
    shingleSize = new IntParam(this, "shingleSize", "words per shingle", ParamValidators.gtEq(1));
    setDefault(shingleSize, 3);
    bands = new IntParam(this, "bands", "LSH bands", ParamValidators.gtEq(1));
    setDefault(bands, 20);
    rowsPerBand = new IntParam(this, "rowsPerBand", "min-hashes per band", ParamValidators.gtEq(1));
    setDefault(rowsPerBand, 4);
    minSimilarity = new DoubleParam(this, "minSimilarity",
        "least Jaccard similarity of shingle sets for a near duplicate", ParamValidators.inRange(0, 1));
    setDefault(minSimilarity, DEFAULT_MIN_SIMILARITY);
    maxBucketSize = new IntParam(this, "maxBucketSize", "larger LSH buckets are skipped", ParamValidators.gtEq(2));
    setDefault(maxBucketSize, 100);
    minNumberSimilarity = new DoubleParam(this, "minNumberSimilarity",
        "least Jaccard similarity of the sets of numbers in the two texts (recurring reports differ in them)",
        ParamValidators.inRange(0, 1));
    setDefault(minNumberSimilarity, 0.6);
    maxDaysApart = new IntParam(this, "maxDaysApart", "most days between the publication dates of two copies",
        ParamValidators.gtEq(0));
    setDefault(maxDaysApart, 3);
    seed = new LongParam(this, "seed", "MinHash seed");
    setDefault(seed, 20260204L);
    spreadInput = new BooleanParam(this, "spreadInput",
        "shuffle the documents by id over four tasks per core before shingling; false when the input is already"
        + " split evenly into at least as many partitions (its text then stays where it is)");
    setDefault(spreadInput, true);
  }

  public Param<String> idCol() { return idCol; }
  public Param<String> textCol() { return textCol; }
  public IntParam shingleSize() { return shingleSize; }
  public IntParam bands() { return bands; }
  public IntParam rowsPerBand() { return rowsPerBand; }
  public DoubleParam minSimilarity() { return minSimilarity; }
  public IntParam maxBucketSize() { return maxBucketSize; }
  public DoubleParam minNumberSimilarity() { return minNumberSimilarity; }
  public IntParam maxDaysApart() { return maxDaysApart; }
  public LongParam seed() { return seed; }

  public NearDuplicateMarker setIdCol(String v) { set(idCol, v); return this; }
  public NearDuplicateMarker setTextCol(String v) { set(textCol, v); return this; }
  public NearDuplicateMarker setShingleSize(int v) { set(shingleSize, v); return this; }
  public NearDuplicateMarker setSeed(long v) { set(seed, v); return this; }
  public NearDuplicateMarker setBands(int v) { set(bands, v); return this; }
  public NearDuplicateMarker setRowsPerBand(int v) { set(rowsPerBand, v); return this; }
  public NearDuplicateMarker setMinSimilarity(double v) { set(minSimilarity, v); return this; }
  public NearDuplicateMarker setMaxBucketSize(int v) { set(maxBucketSize, v); return this; }
  public NearDuplicateMarker setMinNumberSimilarity(double v) { set(minNumberSimilarity, v); return this; }
  public NearDuplicateMarker setMaxDaysApart(int v) { set(maxDaysApart, v); return this; }
  public BooleanParam spreadInput() { return spreadInput; }
  public NearDuplicateMarker setSpreadInput(boolean v) { set(spreadInput, v); return this; }

  /** Dimension of the binary shingle vectors (HashingTF's murmur3 index space). */
  static final int NUM_FEATURES = 1 << 22;
  /** The prime of Spark's MinHashLSH hash family h(x) = ((1 + x) * a + b) mod p. */
  static final long HASH_PRIME = 2038074743L;

  /** Signature column: the shingles as the sorted set of their indices, {@link #pack packed} into bytes. */
  public static final String SHINGLES = "shingles";
  /** Signature column: the distinct numbers in the text, {@link #numbers packed}. */
  public static final String NUMBERS = "numbers";
  /** Signature column: one key per LSH band ({@link #bandKeys}); empty for a text without a shingle. */
  public static final String BAND_KEYS = "band_keys";

  /**
   * The parameters a signature depends on, as text: a signature stored under another scheme (other shingle
   * size, bands, rows per band or seed) is not comparable and is computed again.
   */
  public String scheme() {
    return String.format(Locale.ROOT, "shingles=%d features=%d bands=%dx%d seed=%d", (Integer) $(shingleSize),
        NUM_FEATURES, (Integer) $(bands), (Integer) $(rowsPerBand), (Long) $(seed));
  }

  /**
   * Adds each document's signature: {@link #SHINGLES} (word {@code shingleSize}-grams as the sorted set of
   * their indices, {@link Shingles#indices}: murmur3 of the shingle, seed 42, modulo {@link #NUM_FEATURES}),
   * {@link #NUMBERS} and {@link #BAND_KEYS}. A row that already carries band keys (a signature stored in the
   * lake's {@code band_keys} table) keeps its three columns; the others are signed from their text.
   */
  public Dataset<Row> sign(Dataset<Row> docs) {
    int n = (Integer) $(shingleSize);
    int r = (Integer) $(rowsPerBand);
    int[][] c = coefficients(docs.sparkSession());
    UserDefinedFunction shingles = udf((UDF1<String, byte[]>) text -> pack(Shingles.indices(text, n, NUM_FEATURES)),
        DataTypes.BinaryType);
    UserDefinedFunction numbersOf = udf((UDF1<String, byte[]>) NearDuplicateMarker::numbers, DataTypes.BinaryType);
    UserDefinedFunction keysOf = udf((UDF1<byte[], long[]>) set -> set.length == 0 ? new long[0]
        : bandKeys(minHashes(unpack(set), c[0], c[1]), r), DataTypes.createArrayType(DataTypes.LongType));
    List<String> columns = Arrays.asList(docs.columns());
    Column text = columns.contains($(textCol)) ? coalesce(col($(textCol)), lit("")) : lit("");
    if (!columns.contains(BAND_KEYS)) {
      return docs.withColumn(NUMBERS, numbersOf.apply(text))
          .withColumn(SHINGLES, shingles.apply(text))
          .withColumn(BAND_KEYS, keysOf.apply(col(SHINGLES)));
    }
    Column fresh = col(BAND_KEYS).isNull();
    return docs.withColumn(NUMBERS, when(fresh, numbersOf.apply(text)).otherwise(col(NUMBERS)))
        .withColumn(SHINGLES, when(fresh, shingles.apply(text)).otherwise(col(SHINGLES)))
        .withColumn(BAND_KEYS, coalesce(col(BAND_KEYS), keysOf.apply(col(SHINGLES))));
  }

  /**
   * The documents with at least one shingle, as {@code id, __set, __nums, __day, __keys}: their
   * {@link #sign signatures} and publication day.
   */
  Dataset<Row> shingle(Dataset<Row> docs) {
    return sign(docs)
        .where(length(col(SHINGLES)).gt(0))
        .select(col($(idCol)).as("id"), col(SHINGLES).as("__set"), col(NUMBERS).as("__nums"),
            to_date(col("published_at")).as("__day"), col(BAND_KEYS).as("__keys"));
  }

  /** The seeded coefficients {@code a} and {@code b} of the {@link #minHashModel} hash functions. */
  private int[][] coefficients(SparkSession spark) {
    Tuple2<Object, Object>[] coefficients = minHashModel(spark).randCoefficients();
    int[][] out = new int[2][coefficients.length];
    for (int k = 0; k < coefficients.length; k++) {
      out[0][k] = (Integer) coefficients[k]._1();
      out[1][k] = (Integer) coefficients[k]._2();
    }
    return out;
  }

  /**
   * Spark MLlib's MinHashLSH fitted for {@code bands × rowsPerBand} hash functions with this seed. Only its
   * seeded coefficients are used: {@link #minHashes} evaluates the same functions over the index set with
   * a primitive loop, where {@code MinHashLSHModel.transform} boxes every element of every vector
   * (about 2 ms per article; {@code NearDuplicateMarkerTest} checks both give the same values).
   */
  MinHashLSHModel minHashModel(SparkSession spark) {
    Dataset<Row> empty = new HashingTF().setInputCol("s").setOutputCol("__vec").setBinary(true)
        .setNumFeatures(NUM_FEATURES).transform(spark.createDataFrame(List.of(),
            new StructType().add("s", DataTypes.createArrayType(DataTypes.StringType))));
    return new MinHashLSH().setInputCol("__vec").setOutputCol("__hashes")
        .setNumHashTables((Integer) $(bands) * (Integer) $(rowsPerBand)).setSeed((Long) $(seed)).fit(empty);
  }

  /** The min-hash of an index set under each function {@code ((1 + x) * a[k] + b[k]) mod p}. */
  static long[] minHashes(int[] indices, int[] a, int[] b) {
    long[] out = new long[a.length];
    for (int k = 0; k < a.length; k++) {
      long min = Long.MAX_VALUE;
      for (int x : indices) {
        long h = ((1L + x) * a[k] + b[k]) % HASH_PRIME;
        if (h < min) {
          min = h;
        }
      }
      out[k] = min;
    }
    return out;
  }

  /**
   * A sorted index set as 4 big-endian bytes per index. Spark hands a binary value to a Java function as a
   * {@code byte[]}, where an array column arrives as a sequence of boxed integers; the pair scoring reads
   * two sets per candidate pair, a million pairs at 200,000 articles.
   */
  static byte[] pack(int[] sorted) {
    ByteBuffer out = ByteBuffer.allocate(4 * sorted.length);
    out.asIntBuffer().put(sorted);
    return out.array();
  }

  /** The inverse of {@link #pack}. */
  static int[] unpack(byte[] packed) {
    int[] out = new int[packed.length / 4];
    ByteBuffer.wrap(packed).asIntBuffer().get(out);
    return out;
  }

  /**
   * The Jaccard similarity of two {@link #pack packed} sorted sets of distinct non-negative indices, by one
   * merge: |A ∩ B| / (|A| + |B| − |A ∩ B|); {@code empty} when both are empty.
   */
  static double jaccard(byte[] a, byte[] b, double empty) {
    int na = a.length / 4;
    int nb = b.length / 4;
    if (na + nb == 0) {
      return empty;
    }
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < na && j < nb) {
      int x = intAt(a, i);
      int y = intAt(b, j);
      if (x == y) {
        common++;
        i++;
        j++;
      } else if (x < y) {
        i++;
      } else {
        j++;
      }
    }
    return (double) common / (na + nb - common);
  }

  private static int intAt(byte[] b, int i) {
    int o = 4 * i;
    return (b[o] & 0xFF) << 24 | (b[o + 1] & 0xFF) << 16 | (b[o + 2] & 0xFF) << 8 | (b[o + 3] & 0xFF);
  }

  /** One key per band: the band's number and its {@code r} min-hashes, mixed into a long. */
  static long[] bandKeys(long[] minHashes, int r) {
    long[] keys = new long[minHashes.length / r];
    for (int j = 0; j < keys.length; j++) {
      long h = 0x9E3779B97F4A7C15L * (j + 1);
      for (int i = 0; i < r; i++) {
        h = (h ^ minHashes[j * r + i]) * 0xBF58476D1CE4E5B9L;
        h ^= h >>> 31;
      }
      keys[j] = h;
    }
    return keys;
  }

  /** False positives a {@link #sharedBuckets} filter lets through, at most (they are counted out exactly). */
  static final double SHARED_BUCKETS_FPP = 0.01;

  /**
   * Whether a bucket key may have 2 to {@code maxBucketSize} members among {@code hashed}'s band keys
   * ({@code __keys}): the keys are counted alone (a shuffle of longs, no sort) and the shared ones put into a
   * Bloom filter. A true bucket of that size always passes; a few others do ({@link #SHARED_BUCKETS_FPP}), and
   * the exact count of the members that pass removes them, so the pairs are those of the exact count.
   */
  private Column sharedBuckets(Dataset<Row> hashed, Column bucket) {
    Dataset<Row> shared = materialize(hashed.select(explode(col("__keys")).as("bucket")).groupBy("bucket")
        .agg(count(lit(1)).as("__n")).where(col("__n").between(2, (Integer) $(maxBucketSize))).select("bucket"));
    long n = shared.count();
    if (n == 0) {
      // no pair anywhere (and Spark's bloomFilter fails on an empty frame)
      return lit(false);
    }
    BloomFilter filter = shared.stat().bloomFilter("bucket", n, SHARED_BUCKETS_FPP);
    Broadcast<BloomFilter> b = JavaSparkContext.fromSparkContext(hashed.sparkSession().sparkContext())
        .broadcast(filter);
    return udf((UDF1<Long, Boolean>) key -> b.value().mightContainLong(key), DataTypes.BooleanType)
        .apply(bucket);
  }

  /** Candidate pairs (a, b; each pair once) with their exact Jaccard similarity, kept when at least minSimilarity. */
  public Dataset<Row> similarPairs(Dataset<Row> docs) {
    Dataset<Row> shingled = shingle((Boolean) $(spreadInput) ? spread(docs, col($(idCol))) : docs);
    UserDefinedFunction setSimilarity = udf((UDF2<byte[], byte[], Double>) (x, y) -> jaccard(x, y, 0.0),
        DataTypes.DoubleType);
    // the pair search sorts, hashes and joins by a surrogate long key (__k), not by the string ids: sorting
    // strings was a third of its time. The keys differ from run to run, the pairs and their similarities do not.
    Dataset<Row> hashed = materialize(shingled.withColumn("__k", monotonically_increasing_id()));
    // spread by bucket over a fixed number of tasks: adaptive execution would coalesce these narrow rows to two
    // or three tasks, and the bucket count and the self-join below reuse this partitioning. Only the members of
    // buckets that can hold a pair are spread: most of a corpus's buckets hold one document
    Column shared = sharedBuckets(hashed, col("bucket"));
    Dataset<Row> buckets = spread(hashed.select(col("__k").as("k"), col("__day"), col("__nums"),
            explode(col("__keys")).as("bucket")).where(shared), col("bucket"))
        .withColumn("__n", count(lit(1)).over(Window.partitionBy("bucket")))
        .where(col("__n").between(2, (Integer) $(maxBucketSize)))
        .drop("__n");
    // copies are published within maxDaysApart of each other and share their numbers: testing both in the
    // bucket join, before any shingle set is fetched, leaves few candidates (at 200,000 articles the dates
    // remove 9 of 10 bucket pairs, and the numbers 99 of 100 of the rest: 10 million → 1.1 million → 8,600)
    Column close = col("a.__day").isNull().or(col("b.__day").isNull())
        .or(abs(datediff(col("a.__day"), col("b.__day"))).leq((Integer) $(maxDaysApart)));
    UserDefinedFunction numberSimilarity = udf((UDF2<byte[], byte[], Double>) NearDuplicateMarker::numberSimilarity,
        DataTypes.DoubleType);
    Column sameNumbers = numberSimilarity.apply(col("a.__nums"), col("b.__nums")).geq((Double) $(minNumberSimilarity));
    Dataset<Row> candidates = buckets.as("a").join(buckets.as("b"),
            col("a.bucket").equalTo(col("b.bucket")).and(col("a.k").lt(col("b.k"))).and(close).and(sameNumbers))
        .select(col("a.k").as("a"), col("b.k").as("b"))
        .distinct();
    Dataset<Row> sets = hashed.select(col("__k"), col("__set"));
    // scored once into a checkpoint: a filter on the similarity would otherwise be pushed below the
    // projection that computes it, and every set intersection computed twice
    Dataset<Row> scored = materialize(candidates
        .join(sets.as("sa"), col("a").equalTo(col("sa.__k")))
        .join(sets.as("sb"), col("b").equalTo(col("sb.__k")))
        .select(col("a"), col("b"), setSimilarity.apply(col("sa.__set"), col("sb.__set")).as("similarity")));
    Dataset<Row> ids = hashed.select(col("__k"), col("id"));
    return scored.where(col("similarity").geq((Double) $(minSimilarity)))
        .join(ids.as("ia"), col("a").equalTo(col("ia.__k")))
        .join(ids.as("ib"), col("b").equalTo(col("ib.__k")))
        .select(col("ia.id").as("a"), col("ib.id").as("b"), col("similarity"));
  }

  /**
   * The distinct numbers of a text, sorted, as their ASCII digits joined by commas: runs of {@code 0-9}, where a
   * comma between a digit and three digits is a thousands separator and is dropped ("1,200" is "1200", "1,20"
   * is "1" and "20"). The numbers two copies of a report share; the same set as
   * {@code array_distinct(regexp_extract_all(regexp_replace(text, "(?<=\\d),(?=\\d{3})", ""), "\\d+"))}
   * ({@code NearDuplicateMarkerTest} checks it) in one pass, packed so that the pair test reads bytes.
   */
  static byte[] numbers(String text) {
    if (text == null) {
      return new byte[0];
    }
    TreeSet<String> found = new TreeSet<>();
    StringBuilder run = new StringBuilder();
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (isDigit(c)) {
        run.append(c);
        continue;
      }
      boolean separator = c == ',' && i > 0 && isDigit(text.charAt(i - 1)) && i + 3 < n
          && isDigit(text.charAt(i + 1)) && isDigit(text.charAt(i + 2)) && isDigit(text.charAt(i + 3));
      if (!separator && run.length() > 0) {
        found.add(run.toString());
        run.setLength(0);
      }
    }
    if (run.length() > 0) {
      found.add(run.toString());
    }
    return String.join(",", found).getBytes(StandardCharsets.US_ASCII);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * The Jaccard similarity of two {@link #numbers} sets (sorted, so by one merge); 1 when both texts have no
   * number.
   */
  static double numberSimilarity(byte[] a, byte[] b) {
    if (a.length == 0 && b.length == 0) {
      return 1.0;
    }
    int na = 0;
    int nb = 0;
    int common = 0;
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
      int ie = end(a, i);
      int je = end(b, j);
      int cmp = Arrays.compare(a, i, ie, b, j, je);
      if (cmp == 0) {
        common++;
      }
      if (cmp <= 0) {
        i = ie + 1;
        na++;
      }
      if (cmp >= 0) {
        j = je + 1;
        nb++;
      }
    }
    na += numbersFrom(a, i);
    nb += numbersFrom(b, j);
    return (double) common / (na + nb - common);
  }

  /** The end of the number starting at {@code from} (the next comma or the end). */
  private static int end(byte[] packed, int from) {
    int e = from;
    while (e < packed.length && packed[e] != ',') {
      e++;
    }
    return e;
  }

  /** How many numbers the packed set holds from {@code from} on. */
  private static int numbersFrom(byte[] packed, int from) {
    if (from >= packed.length) {
      return 0;
    }
    int c = 1;
    for (int k = from; k < packed.length; k++) {
      c += packed[k] == ',' ? 1 : 0;
    }
    return c;
  }

  public static MLReader<NearDuplicateMarker> read() {
    return new DefaultParamsReader<>();
  }

  public static NearDuplicateMarker load(String path) {
    return read().load(path);
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    Dataset<Row> all = dataset.toDF();
    Dataset<Row> open = all.where(col("dup_kind").isNull());
    Dataset<Row> pairs = materialize(similarPairs(open));
    Dataset<Row> edges = pairs.select(col("a").as("src"), col("b").as("dst"), col("similarity"))
        .union(pairs.select(col("b").as("src"), col("a").as("dst"), col("similarity")));
    Column order = struct(col("priority"), col("published_at").isNull().as("nodate"), col("published_at"),
        col($(idCol)).as("id"), col("source_file"), col("position"));
    Dataset<Row> nodes = open.join(edges.select(col("src").as(($(idCol)))).distinct(), $(idCol))
        .select(col($(idCol)).as("node"), order.as("label"));
    Dataset<Row> labels = Components.minLabels(nodes, edges);
    Dataset<Row> best = edges.groupBy("src").agg(max("similarity").as("__sim"));
    Dataset<Row> marks = labels.join(best, col("node").equalTo(col("src")))
        .where(col("label.id").notEqual(col("node")))
        .select(col("node").as("__node"), col("label.id").as("__rep"), col("__sim"));
    // a record marked before (an exact copy) may point to an article that is itself a near duplicate:
    // it then points to that article's representative instead
    Dataset<Row> hop = marks.select(col("__node").as("__via"), col("__rep").as("__via_rep"));
    Dataset<Row> out = all.join(marks, all.col($(idCol)).equalTo(marks.col("__node"))
            .and(all.col("dup_kind").isNull()), "left")
        .join(hop, col("duplicate_of").equalTo(col("__via")), "left")
        .withColumn("dup_kind", coalesce(col("dup_kind"), when(col("__rep").isNotNull(), lit("near"))))
        .withColumn("duplicate_of", coalesce(col("__via_rep"), col("duplicate_of"), col("__rep")))
        .withColumn("similarity", when(col("dup_kind").equalTo("near"), col("__sim"))
            .when(col("dup_kind").isNotNull(), lit(1.0)))
        .drop("__node", "__rep", "__sim", "__via", "__via_rep");
    return out;
  }

  @Override
  public StructType transformSchema(StructType schema) {
    requireColumn(schema, $(idCol), DataTypes.StringType);
    if (Arrays.asList(schema.fieldNames()).contains(BAND_KEYS)) {
      requireColumn(schema, SHINGLES, DataTypes.BinaryType);
      requireColumn(schema, NUMBERS, DataTypes.BinaryType);
      requireColumn(schema, BAND_KEYS, DataTypes.createArrayType(DataTypes.LongType));
    } else {
      // the text is read only to sign the rows: an input that carries signatures may leave it out
      requireColumn(schema, $(textCol), DataTypes.StringType);
    }
    requireColumn(schema, "dup_kind", DataTypes.StringType);
    requireColumn(schema, "duplicate_of", DataTypes.StringType);
    ExactDuplicateMarker.requireOrderColumns(schema);
    // the exact marker's duplicate_of is updated with the near copies' representatives
    StructType out = replaceField(schema, "duplicate_of", DataTypes.StringType);
    return withField(out, "similarity", DataTypes.DoubleType);
  }
}
