package org.frontline.topics;

import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.frontline.common.ColumnTransformer;
import org.frontline.common.Progress;
import org.frontline.lake.ChangedArticles;
import org.frontline.lake.Lake;
import org.frontline.lake.Tables;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.apache.spark.sql.functions.*;

/**
 * Stage {@code topics}: articles → {@code article_topics}, {@code topics}, {@code topic_trends}.
 * <ol>
 *   <li>Model: the lake's current topic model, or, when there is none or a refit is asked for, a new one:
 *   {@link TopicFeatures} → (LSA, {@link LsaReducer}) → {@link TopicClustering}, fitted on at most
 *   {@code maxFitDocs} articles (a fixed hash sample), with k given or chosen by {@link TopicQuality}.</li>
 *   <li>Ids: a new model's topics are matched one-to-one to every topic known so far ({@link TopicMatcher});
 *   a topic that matches none gets an id never issued before.</li>
 *   <li>Assign every kept article with the model, then write the three tables.</li>
 * </ol>
 */
public final class TopicsJob {
  /**
   * Decimals kept of an article's topic score. The model's sums (SVD, centres) are done in a different order on
   * a different cluster layout and differ in the 15th digit; rounding makes the table identical everywhere.
   */
  static final int SCORE_DECIMALS = 6;

  /** Terms kept per topic for matching across refits (the table shows the first {@link #LABEL_TERMS}). */
  static final int MATCH_TERMS = 50;
  static final int LABEL_TERMS = 10;
  static final int TREND_TERMS = 5;

  public record Options(TopicClustering.Algorithm algorithm, Integer k, int kMin, int kMax, int kStep, long seed,
                        int restarts, int maxIter, int dims, int vocabSize, double minDf, double maxDf,
                        long maxFitDocs, boolean refit, double matchThreshold) {
    public Options {
      if (k == null && (kMin < 2 || kMax < kMin || kStep < 1)) {
        throw new IllegalArgumentException("k range must be 2 <= min <= max with step >= 1 but was "
            + kMin + ":" + kMax + ":" + kStep);
      }
      if (dims < 0) {
        throw new IllegalArgumentException("dims must be >= 0 (0: no reduction) but was " + dims);
      }
      if (maxFitDocs < 10) {
        throw new IllegalArgumentException("maxFitDocs must be at least 10 but was " + maxFitDocs);
      }
      if (matchThreshold < 0 || matchThreshold > 1) {
        throw new IllegalArgumentException("matchThreshold must be in [0, 1] but was " + matchThreshold);
      }
    }

    // the defaults, declared once: the CLI's options show these
    public static final String DEFAULT_ALGORITHM = "kmeans";
    public static final int DEFAULT_K_MIN = 5;
    public static final int DEFAULT_K_MAX = 30;
    public static final int DEFAULT_K_STEP = 5;
    public static final String DEFAULT_K_RANGE = DEFAULT_K_MIN + ":" + DEFAULT_K_MAX + ":" + DEFAULT_K_STEP;
    public static final long DEFAULT_SEED = LsaReducer.DEFAULT_SEED;
    public static final int DEFAULT_RESTARTS = 10;
    public static final int DEFAULT_MAX_ITER = 50;
    public static final int DEFAULT_DIMS = LsaReducer.DEFAULT_DIMS;
    public static final int DEFAULT_VOCAB_SIZE = 20_000;
    public static final int DEFAULT_MIN_DF = 5;
    public static final double DEFAULT_MAX_DF = 0.5;
    public static final long DEFAULT_MAX_FIT_DOCS = 50_000;
    public static final double DEFAULT_MATCH_THRESHOLD = 0.3;

    public static Options defaults() {
      return new Options(TopicClustering.Algorithm.parse(DEFAULT_ALGORITHM), null, DEFAULT_K_MIN, DEFAULT_K_MAX,
          DEFAULT_K_STEP, DEFAULT_SEED, DEFAULT_RESTARTS, DEFAULT_MAX_ITER, DEFAULT_DIMS, DEFAULT_VOCAB_SIZE,
          DEFAULT_MIN_DF, DEFAULT_MAX_DF, DEFAULT_MAX_FIT_DOCS, false, DEFAULT_MATCH_THRESHOLD);
    }

    public List<Integer> candidates() {
      if (k != null) {
        return List.of(k);
      }
      List<Integer> out = new ArrayList<>();
      for (int c = kMin; c <= kMax; c += kStep) {
        out.add(c);
      }
      return out;
    }
  }

  private final Lake lake;
  private final Options options;

  public TopicsJob(Lake lake, Options options) {
    this.lake = lake;
    this.options = options;
  }

  /** The articles as the topic stage reads them: the title and the text are one document. */
  public static Dataset<Row> documents(Dataset<Row> articles) {
    return articles.select(col("doc_id"), col("published_date"),
        concat_ws(". ", col("title"), col("text")).as("document"));
  }

  /**
   * Fewest articles with a vocabulary term that a model is fitted on; with fewer, the stage is skipped (the
   * reason goes to the run summary) and a later run with more articles fits one.
   */
  static final int MIN_FIT_DOCS = 10;

  /** Fits a model (or applies the saved one), assigns every article and writes the topic trends. */
  public TopicsResult run() {
    Dataset<Row> docs = documents(lake.read(Tables.ARTICLES));
    SparkSession spark = docs.sparkSession();
    Applied applied = modelToApply(spark, docs);
    if (applied.model() == null) {
      return skip(spark, docs, applied.note());
    }
    TopicModelStore.Description d = applied.model().description();
    Vocabulary vocab = new Vocabulary(applied.model().vocabulary(), false);
    Dataset<Row> assigned = assign(spark, docs, applied.model(), vocab);
    lake.overwrite(Tables.ARTICLE_TOPICS, assigned.withColumn("model_id", lit(d.modelId())));
    Sizes sizes = writeTopics(spark, d, assigned);
    long trendRows = writeTopicTrends(spark, assigned, applied.model(), sizes.undated());
    return new TopicsResult(d.modelId(), applied.fitted(), applied.note(), d.algorithm(), d.k(), d.kChoice(),
        d.seed(), d.fitDocuments(), sizes.total(), sizes.withoutTopic(), sizes.undated(), sizes.sizeOf().size(),
        trendRows, largest(d, sizes.sizeOf()), null);
  }

  /**
   * The night's topics: with the saved model, assigns only the articles that changed (those no longer in
   * {@code articles} lose their row), updates the topics' sizes by
   * difference, and recomputes only the topic trend periods those articles fall in (plus the periods by which
   * the calendar grows). The tables end exactly as a full {@link #run()} with the same model leaves them. With
   * no saved model, or a refit asked for, it is {@link #run()}.
   */
  public TopicsResult runChanged(ChangedArticles changed) {
    TopicModelStore store = new TopicModelStore(lake);
    Optional<String> current = store.currentId();
    if (options.refit() || current.isEmpty() || !lake.exists(Tables.ARTICLE_TOPICS) || !lake.exists(Tables.TOPICS)
        || !lake.exists(Tables.TOPIC_TRENDS) || !appliedEverywhere(current.get())) {
      return run();
    }
    Progress p = Progress.start("topics", "the night's articles with the saved model " + current.get());
    TopicModelStore.Saved model = store.load(current.get());
    TopicModelStore.Description d = model.description();
    SparkSession spark = changed.ids().sparkSession();
    Vocabulary vocab = new Vocabulary(model.vocabulary(), false);
    Dataset<Row> ids = changed.ids();
    Dataset<Row> before = ColumnTransformer.materialize(lake.read(Tables.ARTICLE_TOPICS)
        .filter(changed.inDays("published_date")).join(ids, "doc_id").select("doc_id", "published_date", "topic_id"));
    Dataset<Row> night = assign(spark, documents(changed.read(lake)), model, vocab);
    lake.deleteMatching(Tables.ARTICLE_TOPICS, ids, changed.inDays("t.published_date"), "doc_id");
    lake.append(Tables.ARTICLE_TOPICS, night.withColumn("model_id", lit(d.modelId())));

    Sizes was = sizes(before);
    Sizes now = sizes(night);
    Map<Integer, Long> sizeOf = new HashMap<>();
    for (Row r : lake.read(Tables.TOPICS).filter(col("status").equalTo("active")).select("topic_id", "size")
        .collectAsList()) { // one row per topic
      long size = r.getLong(1) - was.of(r.getInt(0)) + now.of(r.getInt(0));
      if (size > 0) {
        sizeOf.put(r.getInt(0), size);
      }
    }
    long total = sizeOf.values().stream().mapToLong(Long::longValue).sum();
    lake.overwrite(Tables.TOPICS, topicsTable(spark, d, sizeOf, total));
    Progress.info("topics", now.total() + " of the night's " + (now.total() + now.withoutTopic())
        + " articles assigned; " + total + " in the lake");

    TrendPeriods periods = trendPeriods(before, night);
    long trendRows = 0;
    if (periods.lo() == null) {
      lake.overwrite(Tables.TOPIC_TRENDS, spark.createDataFrame(List.of(), Tables.TOPIC_TRENDS_SCHEMA));
    } else if (!periods.isEmpty()) {
      trendRows = writeTrendPeriods(spark, model, periods);
    }
    String note = "the night's articles assigned; topic trends of " + periods.days().size() + " day(s) and "
        + periods.weeks().size() + " week(s) recomputed";
    p.done(now.total() + " articles assigned; " + trendRows + " topic trend rows recomputed");
    return new TopicsResult(d.modelId(), false, note, d.algorithm(), d.k(), d.kChoice(), d.seed(), d.fitDocuments(),
        now.total(), now.withoutTopic(), now.undated(), sizeOf.size(), trendRows, largest(d, sizeOf), null);
  }

  /** The ten largest topics of the model, "id label" → articles, largest first (for the run summary). */
  private static Map<String, Long> largest(TopicModelStore.Description d, Map<Integer, Long> sizeOf) {
    Map<String, Long> bySize = new LinkedHashMap<>();
    d.topics().stream().sorted((a, b) -> Long.compare(sizeOf.getOrDefault(b.topicId(), 0L),
            sizeOf.getOrDefault(a.topicId(), 0L)))
        .limit(10).forEach(x -> bySize.put(x.topicId() + " " + x.label(), sizeOf.getOrDefault(x.topicId(), 0L)));
    return bySize;
  }

  private static String sqlDate(LocalDate d) {
    return "DATE'" + d + "'";
  }

  /** {@code period_start IN (...) OR } for a non-empty list, else nothing. */
  private static String in(List<LocalDate> dates) {
    return dates.isEmpty() ? "" : "period_start IN (" + String.join(", ", dates.stream().map(TopicsJob::sqlDate)
        .toList()) + ") OR ";
  }

  /** Whether every active topic and every assignment come from the model {@code id} (a refit rewrites all). */
  private boolean appliedEverywhere(String id) {
    return lake.read(Tables.TOPICS).filter(col("status").equalTo("active").and(col("model_id").notEqual(id)))
        .isEmpty();
  }

  /**
   * The trend periods a night recomputes: the days and weeks (Mondays) its articles fall in, before and after,
   * within the new calendar; the periods by which the calendar grew; and the new calendar's bounds (rows outside
   * them are deleted, when the night removed the first or last article).
   */
  record TrendPeriods(List<LocalDate> days, List<LocalDate> weeks, LocalDate lo, LocalDate hi, boolean shrunk) {
    boolean isEmpty() {
      return days.isEmpty() && weeks.isEmpty() && !shrunk;
    }
  }

  private TrendPeriods trendPeriods(Dataset<Row> before, Dataset<Row> night) {
    Set<LocalDate> touched = new HashSet<>();
    Set<LocalDate> removed = new HashSet<>();
    LocalDate addedLo = null;
    LocalDate addedHi = null;
    for (Row r : before.filter(col("published_date").isNotNull()).groupBy("published_date")
        .agg(count(when(col("topic_id").isNotNull(), 1))).collectAsList()) { // one row per day
      LocalDate day = r.getDate(0).toLocalDate();
      touched.add(day);
      if (r.getLong(1) > 0) {
        removed.add(day);
      }
    }
    for (Row r : night.filter(col("published_date").isNotNull()).groupBy("published_date")
        .agg(count(when(col("topic_id").isNotNull(), 1))).collectAsList()) {
      LocalDate day = r.getDate(0).toLocalDate();
      touched.add(day);
      if (r.getLong(1) > 0) {
        addedLo = addedLo == null || day.isBefore(addedLo) ? day : addedLo;
        addedHi = addedHi == null || day.isAfter(addedHi) ? day : addedHi;
      }
    }
    Row old = lake.read(Tables.TOPIC_TRENDS).filter(col("period").equalTo(TopicTrends.DAY))
        .agg(min("period_start"), max("period_start")).first();
    LocalDate oldLo = old.isNullAt(0) ? null : old.getDate(0).toLocalDate();
    LocalDate oldHi = old.isNullAt(1) ? null : old.getDate(1).toLocalDate();
    LocalDate lo;
    LocalDate hi;
    if (oldLo == null || removed.contains(oldLo) || removed.contains(oldHi)) {
      // the calendar may shrink (or there was none): its bounds from the assignments (two narrow columns)
      Row r = lake.read(Tables.ARTICLE_TOPICS).filter(col("topic_id").isNotNull())
          .agg(min("published_date"), max("published_date")).first();
      lo = r.isNullAt(0) ? null : r.getDate(0).toLocalDate();
      hi = r.isNullAt(1) ? null : r.getDate(1).toLocalDate();
    } else {
      lo = addedLo != null && addedLo.isBefore(oldLo) ? addedLo : oldLo;
      hi = addedHi != null && addedHi.isAfter(oldHi) ? addedHi : oldHi;
    }
    if (lo == null) {
      return new TrendPeriods(List.of(), List.of(), null, null, true);
    }
    Set<LocalDate> days = new TreeSet<>();
    Set<LocalDate> weeks = new TreeSet<>();
    for (LocalDate day : touched) {
      if (!day.isBefore(lo) && !day.isAfter(hi)) {
        days.add(day);
        weeks.add(TopicTrends.weekOf(day));
      }
    }
    for (LocalDate day = lo; !day.isAfter(hi); day = day.plusDays(1)) {
      if (oldLo == null || day.isBefore(oldLo) || day.isAfter(oldHi)) {
        days.add(day);
        weeks.add(TopicTrends.weekOf(day));
      }
    }
    boolean shrunk = oldLo != null && (lo.isAfter(oldLo) || hi.isBefore(oldHi));
    return new TrendPeriods(List.copyOf(days), List.copyOf(weeks), lo, hi, shrunk);
  }

  /**
   * WriteTrendPeriods: the periods' rows from all the dated articles of those days and weeks (read from their
   * partitions and assigned again with the model), replacing the periods' rows and any row outside the
   * calendar, in one commit. Returns the rows written.
   */
  private long writeTrendPeriods(SparkSession spark, TopicModelStore.Saved model, TrendPeriods periods) {
    Set<LocalDate> readDays = new TreeSet<>(periods.days());
    for (LocalDate week : periods.weeks()) {
      for (int i = 0; i < 7; i++) {
        readDays.add(week.plusDays(i));
      }
    }
    Object[] dates = readDays.stream().map(Date::valueOf).toArray();
    Dataset<Row> inPeriods = assign(spark, documents(lake.read(Tables.ARTICLES)
        .filter(col("published_date").isin(dates))), model, new Vocabulary(model.vocabulary(), false));
    Dataset<Row> active = lake.read(Tables.TOPICS).filter(col("status").equalTo("active")).select("topic_id", "label");
    Dataset<Row> rows = ColumnTransformer.materialize(TopicTrends.compute(inPeriods.filter(col("topic_id").isNotNull()),
        active, "vterms", TREND_TERMS, model.background(spark), periods.days(), periods.weeks()));
    // the condition as SQL text with DATE literals of dates formatted here (Delta reads replaceWhere as SQL)
    String day = "period = 'day' AND (" + in(periods.days()) + "period_start < " + sqlDate(periods.lo())
        + " OR period_start > " + sqlDate(periods.hi()) + ")";
    String week = "period = 'week' AND (" + in(periods.weeks()) + "period_start < "
        + sqlDate(TopicTrends.weekOf(periods.lo())) + " OR period_start > "
        + sqlDate(TopicTrends.weekOf(periods.hi())) + ")";
    lake.replace(Tables.TOPIC_TRENDS, rows, expr("(" + day + ") OR (" + week + ")"));
    long n = rows.count();
    Progress.info("topics", "topic trends: " + n + " rows of " + periods.days().size() + " day(s) and "
        + periods.weeks().size() + " week(s) recomputed from " + readDays.size() + " day(s) of articles");
    return n;
  }

  /**
   * The model this run applies: a new fit (refit asked, or no model yet), else the saved one. {@code model}
   * is null when there is none and none could be fitted; {@code note} then holds the reason.
   */
  private record Applied(TopicModelStore.Saved model, boolean fitted, String note) {}

  /** ChooseModel: fit and save a new model when asked or when there is none, else load the current one. */
  private Applied modelToApply(SparkSession spark, Dataset<Row> docs) {
    TopicModelStore store = new TopicModelStore(lake);
    Optional<String> current = store.currentId();
    if (!options.refit() && current.isPresent()) {
      Progress.info("topics", "assigning with the saved model " + current.get());
      return new Applied(store.load(current.get()), false, null);
    }
    Fit fit = fit(spark, docs, store);
    if (fit.model() != null) {
      store.save(fit.model());
      return new Applied(fit.model(), true, fit.note());
    }
    if (current.isPresent()) {
      String note = "no refit (" + fit.skipReason() + "): assigned with the saved model " + current.get();
      Progress.info("topics", note);
      return new Applied(store.load(current.get()), false, note);
    }
    return new Applied(null, false, fit.skipReason());
  }

  /**
   * AssignArticles: each document's topic and score with the model, and its vocabulary terms ({@code vterms}),
   * materialised.
   */
  private Dataset<Row> assign(SparkSession spark, Dataset<Row> docs, TopicModelStore.Saved model, Vocabulary vocab) {
    TopicModelStore.Description d = model.description();
    List<Row> idRows = new ArrayList<>();
    for (TopicModelStore.Topic t : d.topics()) {
      idRows.add(RowFactory.create(t.index(), t.topicId()));
    }
    Dataset<Row> idTable = spark.createDataFrame(idRows,
        new StructType().add("idx", DataTypes.IntegerType).add("topic_id", DataTypes.IntegerType));
    Progress.info("topics", "assigning articles to " + d.topics().size() + " topics of " + d.modelId());
    return ColumnTransformer.materialize(
        TopicAssignment.assign(List.of(model.pipeline().stages()), docs)
            .join(broadcast(idTable), col("topic_index").equalTo(col("idx")), "left")
            .select(col("doc_id"), col("published_date"), col("topic_id"),
                round(col("topic_score"), SCORE_DECIMALS).as("score"),
                vocab.filter(spark).apply(col("terms")).as("vterms")));
  }

  /** Articles per topic, without a topic (no vocabulary term) and undated. */
  private record Sizes(Map<Integer, Long> sizeOf, long total, long withoutTopic, long undated) {
    long of(int topicId) {
      return sizeOf.getOrDefault(topicId, 0L);
    }
  }

  /** WriteTopics: the {@code topics} table with each topic's size, from one aggregation of the assignments. */
  private Sizes writeTopics(SparkSession spark, TopicModelStore.Description d, Dataset<Row> assigned) {
    Sizes sizes = sizes(assigned);
    lake.overwrite(Tables.TOPICS, topicsTable(spark, d, sizes.sizeOf(), sizes.total()));
    long total = sizes.total();
    long withoutTopic = sizes.withoutTopic();
    Progress.info("topics", total + " articles assigned" + (withoutTopic == 0 ? ""
        : ", " + withoutTopic + " without a topic (no vocabulary term)"));
    return sizes;
  }

  /** Articles per topic, without a topic and undated, in one aggregation. */
  private static Sizes sizes(Dataset<Row> assigned) {
    Map<Integer, Long> sizeOf = new HashMap<>();
    long total = 0;
    long withoutTopic = 0;
    long undated = 0;
    for (Row r : assigned.groupBy(col("topic_id")).agg(count(lit(1)), count(when(col("published_date").isNull(), 1)))
        .collectAsList()) {
      if (r.isNullAt(0)) {
        withoutTopic += r.getLong(1);
      } else {
        sizeOf.put(r.getInt(0), r.getLong(1));
        total += r.getLong(1);
      }
      undated += r.getLong(2);
    }
    return new Sizes(sizeOf, total, withoutTopic, undated);
  }

  /** WriteTopicTrends: articles and leading terms per active topic per day and week; returns the row count. */
  private long writeTopicTrends(SparkSession spark, Dataset<Row> assigned, TopicModelStore.Saved model,
                                long undated) {
    Progress t = Progress.start("topics", "topic trends per day and week"
        + (undated == 0 ? "" : " (" + undated + " undated articles left out)"));
    Dataset<Row> active = lake.read(Tables.TOPICS).filter(col("status").equalTo("active")).select("topic_id", "label");
    Dataset<Row> trends = ColumnTransformer.materialize(TopicTrends.compute(
        assigned.filter(col("topic_id").isNotNull()), active, "vterms", TREND_TERMS, model.background(spark)));
    lake.overwrite(Tables.TOPIC_TRENDS, trends);
    Map<String, Long> rows = trendRows(trends);
    t.done(rows.get("rows") + " rows (" + rows.get("days") + " topic-days, " + rows.get("weeks") + " topic-weeks)");
    return rows.get("rows");
  }

  /** Rows of a topic trends table: in all, topic-days and topic-weeks (zeros for an empty table). */
  private static Map<String, Long> trendRows(Dataset<Row> trends) {
    Row tr = trends.agg(count(lit(1)), count(when(col("period").equalTo(TopicTrends.DAY), 1)),
        count(when(col("period").equalTo(TopicTrends.WEEK), 1))).first();
    return Map.of("rows", tr.getLong(0), "days", tr.getLong(1), "weeks", tr.getLong(2));
  }

  /**
   * No model and none can be fitted: the three tables are written empty (with their schemas), every article
   * counts as without a topic, and the reason goes to the summary's {@code skipped} section.
   */
  private TopicsResult skip(SparkSession spark, Dataset<Row> docs, String reason) {
    Progress.info("topics", "skipped: " + reason);
    lake.overwrite(Tables.ARTICLE_TOPICS, spark.createDataFrame(List.of(), Tables.ARTICLE_TOPICS_SCHEMA));
    lake.overwrite(Tables.TOPICS, spark.createDataFrame(List.of(), Tables.TOPICS_SCHEMA));
    lake.overwrite(Tables.TOPIC_TRENDS, spark.createDataFrame(List.of(), Tables.TOPIC_TRENDS_SCHEMA));
    Row c = docs.agg(count(lit(1)), count(when(col("published_date").isNull(), 1))).first();
    return TopicsResult.skipped(reason, c.getLong(0), c.getLong(1));
  }

  /** The current model's topics with their sizes, plus every earlier topic not in it (retired, size 0). */
  private Dataset<Row> topicsTable(SparkSession spark, TopicModelStore.Description d, Map<Integer, Long> sizeOf,
                                   long total) {
    List<Row> rows = new ArrayList<>();
    Set<Integer> inModel = new HashSet<>();
    for (TopicModelStore.Topic t : d.topics()) {
      inModel.add(t.topicId());
      long size = sizeOf.getOrDefault(t.topicId(), 0L);
      rows.add(RowFactory.create(t.topicId(), t.label(), termRows(t.terms(), LABEL_TERMS), size,
          total == 0 ? 0.0 : (double) size / total, "active", d.modelId(), d.algorithm()));
    }
    Dataset<Row> out = spark.createDataFrame(rows, Tables.TOPICS_SCHEMA);
    if (lake.exists(Tables.TOPICS)) {
      Dataset<Row> earlier = lake.read(Tables.TOPICS);
      List<Row> retired = new ArrayList<>();
      for (Row r : earlier.collectAsList()) { // one row per topic ever issued: hundreds at most
        if (!inModel.contains(r.<Integer>getAs("topic_id"))) {
          retired.add(RowFactory.create(r.<Integer>getAs("topic_id"), r.<String>getAs("label"),
              r.getList(r.fieldIndex("terms")), 0L, 0.0, "retired", r.<String>getAs("model_id"),
              r.<String>getAs("algorithm")));
        }
      }
      out = out.unionByName(spark.createDataFrame(retired, Tables.TOPICS_SCHEMA));
    }
    return out.orderBy("topic_id");
  }

  private static List<Row> termRows(List<TopicModelStore.Term> terms, int n) {
    List<Row> out = new ArrayList<>();
    for (TopicModelStore.Term t : terms.subList(0, Math.min(n, terms.size()))) {
      out.add(RowFactory.create(t.term(), t.weight()));
    }
    return out;
  }

  /**
   * Starts per candidate k when k is chosen: the quality of the best of three starts already ranks the
   * candidates; the chosen k then gets all {@code restarts} of them.
   */
  static final int SCREEN_STARTS = 3;

  /** Partitions of the fit sample: fixed, so that the same articles give the same model on any cluster. */
  static final int FIT_PARTITIONS = 8;

  /** A fit's outcome: the model (and a note on what was adapted to the corpus), or why none was fitted. */
  record Fit(TopicModelStore.Saved model, String note, String skipReason) {
    static Fit skipped(String reason) {
      return new Fit(null, null, reason);
    }
  }

  /**
   * Fits a new model on (a sample of) the documents and gives its topics stable ids; on a corpus too small for
   * the options, lowers what can be lowered (the minimum document frequency, k) and says so, or fits nothing.
   */
  Fit fit(SparkSession spark, Dataset<Row> docs, TopicModelStore store) {
    long n = docs.count();
    if (n < MIN_FIT_DOCS) {
      return Fit.skipped(n + " article" + (n == 1 ? "" : "s") + "; a topic model is fitted on at least "
          + MIN_FIT_DOCS);
    }
    Progress p = Progress.start("topics", "fitting a " + options.algorithm().id() + " topic model");
    Input in = input(spark, canonicalSample(docs, n));
    if (in.skipReason() != null) {
      return skipped(p, in.skipReason());
    }
    Chosen c = chooseModel(in);
    List<TopicModelStore.Topic> topics = identifiedTopics(spark, in, c);
    return fitted(p, store, in, c, topics);
  }

  /**
   * What a model is fitted on: the documents' vectors (without those with no vocabulary term), the feature
   * stages that made them, the vocabularies, the documents' count and the notes so far; or why there is none.
   */
  private record Input(Dataset<Row> x, FitSample local, String vectors, List<Transformer> stages,
                       Vocabulary unigrams, Vocabulary all, long fitDocs, List<String> notes, String skipReason) {
    static Input skipped(String reason) {
      return new Input(null, null, null, null, null, null, 0, null, reason);
    }
  }

  /** The chosen k's clustering, the quality per candidate, and how k was chosen (for the model's description). */
  private record Chosen(TopicClustering.Fitted best, int k, List<TopicModelStore.KScore> scores,
                        List<Integer> candidates, boolean chooseK, boolean screening, int screen) {
    Chosen withBest(TopicClustering.Fitted better) {
      return new Chosen(better, k, scores, candidates, chooseK, screening, screen);
    }
  }

  /** At most {@code maxFitDocs} of the documents (a fixed hash sample), in a canonical layout. */
  private Dataset<Row> canonicalSample(Dataset<Row> docs, long n) {
    Dataset<Row> sample = docs;
    if (n > options.maxFitDocs()) {
      long per = Math.round(1_000_000.0 * options.maxFitDocs() / n);
      sample = docs.filter(pmod(xxhash64(col("doc_id"), lit(options.seed())), lit(1_000_000L)).lt(per));
    }
    // a canonical layout: the rows of a Delta table come back in the order the writing shuffle happened to
    // deliver them, and k-means|| initialisation, CountVectorizer's ties and the floating-point sums of the SVD
    // depend on row order; hashing by id and sorting within partitions makes the fit depend on the content only
    sample = ColumnTransformer.materialize(sample.repartition(FIT_PARTITIONS, col("doc_id"))
        .sortWithinPartitions("doc_id"));
    return sample;
  }

  /** Fits the features on the sample (the minimum document frequency lowered if need be), then vectorises it. */
  private Input input(SparkSession spark, Dataset<Row> sample) {
    List<String> notes = new ArrayList<>();
    double minDf = options.minDf();
    long sampled = sample.count();
    // Spark wants the minimum document frequency at most the maximum; on a few dozen articles the default
    // "in 5 articles" may exceed "in half of them"
    double maxDocs = options.maxDf() >= 1 ? sampled : Math.floor(options.maxDf() * sampled);
    if (maxDocs < 1) {
      return Input.skipped("a term may occur in at most " + fmt(options.maxDf() * 100) + " % of the " + sampled
          + " articles: less than one");
    }
    if (minDf >= 1 && minDf > maxDocs) {
      minDf = maxDocs;
      notes.add("min df lowered from " + fmt(options.minDf()) + " to " + fmt(minDf) + " for " + sampled
          + " articles");
    }
    PipelineModel features = TopicFeatures.pipeline(new TopicFeatures.Options("document", options.vocabSize(),
        minDf, options.maxDf(), true)).fit(sample);
    String[] vocabulary = TopicModelStore.vocabulary(features);
    if (vocabulary.length < 2) {
      return Input.skipped("no vocabulary: " + (vocabulary.length == 0 ? "no term" : "one term")
          + " occurs in at least " + fmt(minDf) + (options.maxDf() >= 1 ? "" : " and at most "
          + fmt(options.maxDf() * 100) + " %") + " of the " + sampled + " articles");
    }
    return featureVectors(spark, sample, features, vocabulary, sampled, notes);
  }

  /** The sample's feature vectors, reduced by LSA (unless LDA or no dims), of the documents with a term. */
  private Input featureVectors(SparkSession spark, Dataset<Row> sample, PipelineModel features, String[] vocabulary,
                               long sampled, List<String> notes) {
    Dataset<Row> x = features.transform(sample);
    List<Transformer> stages = new ArrayList<>(List.of(features.stages()));
    String vectors = "features";
    if (options.algorithm() != TopicClustering.Algorithm.LDA && options.dims() > 0) {
      LsaModel lsa = new LsaReducer().setInputCol("features").setOutputCol("reduced").setDims(options.dims()).fit(x);
      stages.add(lsa);
      x = lsa.transform(x);
      vectors = "reduced";
    }
    Vocabulary unigrams = new Vocabulary(vocabulary, true);
    Vocabulary all = new Vocabulary(vocabulary, false);
    // documents without a vocabulary term have no direction to cluster by: they are left out of the fit (and
    // get no topic when assigned)
    x = ColumnTransformer.materialize(x.filter(TopicAssignment.nonEmpty(col(vectors))).select(col("doc_id"),
        col("tf"), col(vectors), unigrams.filter(spark).apply(col("tokens")).as("vtokens")));
    long fitDocs = x.count();
    Progress.info("topics", fitDocs + " documents" + (fitDocs < sampled ? " with a vocabulary term (of "
        + sampled + ")" : "") + ", vocabulary " + vocabulary.length + " terms"
        + (vectors.equals("reduced") ? ", LSA to " + options.dims() + " dimensions" : ""));
    if (fitDocs < MIN_FIT_DOCS) {
      return Input.skipped("only " + fitDocs + " of " + sampled + " articles have a vocabulary term; a topic model"
          + " is fitted on at least " + MIN_FIT_DOCS);
    }
    // k-means of a sample the driver can hold runs there (LocalKMeans): no Spark job per start and iteration
    FitSample local = options.algorithm() == TopicClustering.Algorithm.KMEANS && vectors.equals("reduced")
        && FitSample.fits(fitDocs, options.dims()) ? FitSample.collect(x, vectors, "tf", "vtokens", all) : null;
    return new Input(x, local, vectors, stages, unigrams, all, fitDocs, notes, null);
  }

  /** Chooses k among the candidates (or takes the one) and, when k was screened, gives it all its starts. */
  private Chosen chooseModel(Input in) {
    List<Integer> candidates = candidates(in.fitDocs(), in.notes());
    boolean chooseK = options.k() == null && candidates.size() > 1;
    for (String note : in.notes()) {
      Progress.info("topics", note);
    }
    // as Spark jobs, k is chosen on the best of the first few starts and only the chosen k gets all of them
    // (below); in the driver every candidate gets all its starts
    boolean screening = chooseK && in.local() == null && options.algorithm() != TopicClustering.Algorithm.LDA
        && options.restarts() > SCREEN_STARTS;
    int screen = screening ? SCREEN_STARTS : options.restarts();
    Chosen c = bestCandidate(in, candidates, chooseK, screening, screen);
    return screening ? c.withBest(allStarts(in, c)) : c;
  }

  /** The candidates for k that give each topic two documents, or k lowered to that; notes what was changed. */
  private List<Integer> candidates(long fitDocs, List<String> notes) {
    // each topic should be able to hold two documents
    List<Integer> candidates = options.candidates().stream().filter(c -> 2L * c <= fitDocs).toList();
    if (candidates.isEmpty()) {
      int lowered = (int) Math.max(2, fitDocs / 2);
      notes.add("k lowered from " + (options.k() != null ? String.valueOf(options.k())
          : options.kMin() + ":" + options.kMax() + ":" + options.kStep()) + " to " + lowered + " for " + fitDocs
          + " documents (at least two per topic)");
      candidates = List.of(lowered);
    } else if (candidates.size() < options.candidates().size()) {
      notes.add("k candidates above " + fitDocs / 2 + " left out for " + fitDocs + " documents");
    }
    return candidates;
  }

  /** Fits each candidate k with {@code screen} starts and keeps the best by quality (the first when k is given). */
  private Chosen bestCandidate(Input in, List<Integer> candidates, boolean chooseK, boolean screening, int screen) {
    List<TopicModelStore.KScore> scores = new ArrayList<>();
    TopicClustering.Fitted best = null;
    int bestK = -1;
    double bestQuality = Double.NEGATIVE_INFINITY;
    for (int k : candidates) {
      long t0 = System.nanoTime();
      TopicClustering.Fitted f = cluster(in, k, 0, screen);
      if (!chooseK) {
        best = f;
        bestK = k;
        break;
      }
      TopicQuality.Result q = quality(f, in, k);
      scores.add(new TopicModelStore.KScore(k, q.npmi(), q.diversity(), q.quality()));
      Progress.info("topics", String.format(Locale.ROOT,
          "k=%d: NPMI %.3f, diversity %.3f, quality %.4f, cost %.4f (%.1f s)", k, q.npmi(), q.diversity(),
          q.quality(), f.cost(), (System.nanoTime() - t0) / 1e9));
      if (q.quality() > bestQuality) {
        bestQuality = q.quality();
        best = f;
        bestK = k;
      }
    }
    return new Chosen(best, bestK, scores, candidates, chooseK, screening, screen);
  }

  /** Runs the remaining starts of the screened k and gives the better of their fit and the screened one. */
  private TopicClustering.Fitted allStarts(Input in, Chosen screened) {
    TopicClustering.Fitted best = screened.best();
    int bestK = screened.k();
    int screen = screened.screen();
    long t0 = System.nanoTime();
    // the remaining starts of the chosen k; together with the screened ones they are exactly a fit with all
    // starts (the lowest cost wins, a tie goes to the earlier start)
    TopicClustering.Fitted rest = cluster(in, bestK, screen, options.restarts() - screen);
    boolean better = rest.cost() < best.cost() - 1e-9 * Math.abs(best.cost());
    Progress.info("topics", String.format(Locale.ROOT, "k=%d: starts %d..%d %s (cost %.4f against %.4f, %.1f s)",
        bestK, screen + 1, options.restarts(), better ? "found a lower cost" : "found no lower cost",
        rest.cost(), best.cost(), (System.nanoTime() - t0) / 1e9));
    if (better) {
      best = rest;
      TopicQuality.Result q = quality(best, in, bestK);
      Progress.info("topics", String.format(Locale.ROOT,
          "k=%d with %d starts: NPMI %.3f, diversity %.3f, quality %.4f", bestK, options.restarts(), q.npmi(),
          q.diversity(), q.quality()));
    }
    return best;
  }

  /** Starts {@code firstStart ..} of k-means (or the algorithm's fit) for k: in the driver when it holds the sample. */
  private TopicClustering.Fitted cluster(Input in, int k, int firstStart, int starts) {
    TopicClustering.Options o = new TopicClustering.Options(options.algorithm(), k, options.seed(), firstStart, starts,
        options.maxIter(), in.vectors(), "tf");
    return in.local() != null ? TopicClustering.fitLocal(in.local(), o) : TopicClustering.fit(in.x(), o);
  }

  /** The chosen model's topics: their distinctive terms and sizes in the fit, with their stable ids. */
  private List<TopicModelStore.Topic> identifiedTopics(SparkSession spark, Input in, Chosen c) {
    List<TopicTerms.Ranked> described = new ArrayList<>();
    if (c.best().assignment() != null) {
      described = TopicTerms.distinctive(in.local(), c.best().assignment(), c.k(), in.all(), MATCH_TERMS);
    } else {
      for (Row r : TopicTerms.distinctiveFromCounts(apply(c.best().stages(), in.x()), "topic_index", "tf", in.all(),
          MATCH_TERMS).orderBy("topic_index").collectAsList()) {
        List<Row> ts = r.getList(r.fieldIndex("terms"));
        described.add(new TopicTerms.Ranked(r.getInt(0), r.getLong(r.fieldIndex("size")),
            ts.stream().map(t -> t.getString(0)).toList(), ts.stream().map(t -> t.getDouble(1)).toList()));
      }
    }
    Map<Integer, List<TopicModelStore.Term>> terms = new HashMap<>();
    Map<Integer, Long> fitSize = new HashMap<>();
    for (TopicTerms.Ranked r : described) {
      List<TopicModelStore.Term> ts = new ArrayList<>();
      for (int i = 0; i < r.terms().size(); i++) {
        ts.add(new TopicModelStore.Term(r.terms().get(i), r.weights().get(i)));
      }
      terms.put(r.topic(), ts);
      fitSize.put(r.topic(), r.size());
    }
    return identify(spark, c.k(), terms, fitSize);
  }

  /** The new model: its pipeline (features, reduction, clustering) and description; ends the progress line. */
  private Fit fitted(Progress p, TopicModelStore store, Input in, Chosen c, List<TopicModelStore.Topic> topics) {
    List<Transformer> stages = in.stages();
    stages.addAll(c.best().stages());
    PipelineModel pipeline = new PipelineModel(store.nextId(), stages.toArray(new Transformer[0]));
    String kChoice = kChoice(c.chooseK(), c.candidates(), c.screening(), c.screen(), c.k());
    String note = in.notes().isEmpty() ? null : String.join("; ", in.notes());
    TopicModelStore.Description d = new TopicModelStore.Description(store.nextId(), options.algorithm().id(), c.k(),
        options.seed(), in.vectors().equals("reduced") ? options.dims() : 0, in.fitDocs(), kChoice, c.scores(),
        topics);
    p.done("k=" + c.k() + " (" + kChoice + "), " + topics.size() + " topics, model " + d.modelId());
    return new Fit(new TopicModelStore.Saved(d, pipeline), note, null);
  }

  /** How k was chosen, for the model's description. */
  private String kChoice(boolean chooseK, List<Integer> candidates, boolean screening, int screen, int bestK) {
    return chooseK ? "max NPMI x diversity over " + candidates
        + (screening ? " (best of " + screen + " starts each), then " + options.restarts() + " starts"
        : " (" + options.restarts() + " starts each)")
        : options.k() != null && options.k() == bestK ? "given"
        : options.k() == null && candidates.size() == 1 && candidates.get(0) == options.kMin() ? "the only candidate"
        : "lowered to the corpus";
  }

  /** Ends the fit's progress line and gives the reason no model is fitted. */
  private static Fit skipped(Progress p, String reason) {
    p.done("no model");
    return Fit.skipped(reason);
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }

  private static TopicQuality.Result quality(TopicClustering.Fitted f, Input in, int k) {
    if (f.assignment() != null) {
      return TopicQuality.measure(in.local(), f.assignment(), k, in.unigrams());
    }
    Dataset<Row> y = apply(f.stages(), in.x()).cache();
    TopicQuality.Result q = TopicQuality.measure(y, "topic_index", "vtokens", "tf", in.unigrams());
    y.unpersist();
    return q;
  }

  private static Dataset<Row> apply(List<Transformer> stages, Dataset<Row> x) {
    Dataset<Row> y = x;
    for (Transformer t : stages) {
      y = t.transform(y);
    }
    return y;
  }

  /** Gives each topic index of a new model its id: the matched known topic's, else a fresh one. */
  private List<TopicModelStore.Topic> identify(SparkSession spark, int k,
                                               Map<Integer, List<TopicModelStore.Term>> terms,
                                               Map<Integer, Long> fitSize) {
    List<Map<String, Double>> known = new ArrayList<>();
    List<Integer> knownIds = new ArrayList<>();
    int nextId = 1;
    if (lake.exists(Tables.TOPICS)) {
      for (Row r : lake.read(Tables.TOPICS).orderBy("topic_id").collectAsList()) {
        int id = r.getAs("topic_id");
        nextId = Math.max(nextId, id + 1);
        knownIds.add(id);
        known.add(vector(r.getList(r.fieldIndex("terms")).stream()
            .map(o -> new TopicModelStore.Term(((Row) o).getString(0), ((Row) o).getDouble(1))).toList()));
      }
    }
    // the model's terms of earlier refits (all MATCH_TERMS of them) are sharper than the table's first ten
    for (int i = 0; i < knownIds.size(); i++) {
      List<TopicModelStore.Term> full = fullTerms(knownIds.get(i));
      if (full != null) {
        known.set(i, vector(full));
      }
    }
    List<Map<String, Double>> fresh = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      fresh.add(vector(terms.getOrDefault(i, List.of())));
    }
    int[] ids = TopicMatcher.match(fresh, known, knownIds, nextId, options.matchThreshold());
    List<TopicModelStore.Topic> out = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      List<TopicModelStore.Term> ts = terms.getOrDefault(i, List.of());
      out.add(new TopicModelStore.Topic(i, ids[i], label(ts), fitSize.getOrDefault(i, 0L), ts));
    }
    return out;
  }

  private Map<Integer, List<TopicModelStore.Term>> previousTerms;

  private List<TopicModelStore.Term> fullTerms(int topicId) {
    if (previousTerms == null) {
      previousTerms = new HashMap<>();
      TopicModelStore store = new TopicModelStore(lake);
      store.currentId().ifPresent(id -> {
        for (TopicModelStore.Topic t : store.load(id).description().topics()) {
          previousTerms.put(t.topicId(), t.terms());
        }
      });
    }
    return previousTerms.get(topicId);
  }

  private static Map<String, Double> vector(List<TopicModelStore.Term> terms) {
    Map<String, Double> v = new HashMap<>();
    for (TopicModelStore.Term t : terms) {
      v.put(t.term(), t.weight());
    }
    return v;
  }

  /** The first three terms, leaving out a single word already inside a chosen two-word term. */
  static String label(List<TopicModelStore.Term> terms) {
    List<String> chosen = new ArrayList<>();
    for (TopicModelStore.Term t : terms) {
      String term = t.term();
      boolean covered = false;
      for (String c : chosen) {
        if (List.of(c.split(" ")).contains(term) || List.of(term.split(" ")).containsAll(List.of(c.split(" ")))) {
          covered = true;
          break;
        }
      }
      if (covered && !term.contains(" ")) {
        continue;
      }
      if (covered) {
        chosen.removeIf(c -> List.of(term.split(" ")).containsAll(List.of(c.split(" "))));
      }
      chosen.add(term);
      if (chosen.size() == 3) {
        break;
      }
    }
    return chosen.isEmpty() ? "(empty topic)" : String.join(" / ", chosen);
  }
}
