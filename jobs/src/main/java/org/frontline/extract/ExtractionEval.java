package org.frontline.extract;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.apache.spark.sql.functions.*;

/**
 * Scores the {@code mentions} of a lake against a labelled file, all in Spark (the generator's ground truth
 * has hundreds of thousands of rows). A gold row has {@code doc_id} and a list of strikes ({@code strikes}
 * in the hand-written dev set, {@code events} in the generator's truth), each with {@code event_date,
 * country, region_iso, weapon, launched, killed, injured}; rows whose {@code expected_status} is not
 * {@code kept} are skipped, and so are gold documents the lake does not hold as articles (counted apart).
 *
 * <p>Scores: per article, strike / no strike (precision, recall, F1); per mention, the key
 * (event_date, country, region_iso, weapon) matched within the same article (precision, recall, F1); and for
 * matched mentions whose gold gives a figure, the share where the extracted figure is exactly that.
 */
public final class ExtractionEval {
  private ExtractionEval() {}

  private static final StructType STRIKE = new StructType()
      .add("event_date", DataTypes.StringType).add("country", DataTypes.StringType)
      .add("region_iso", DataTypes.StringType).add("weapon", DataTypes.StringType)
      .add("attacker", DataTypes.StringType).add("launched", DataTypes.LongType)
      .add("intercepted", DataTypes.LongType).add("killed", DataTypes.LongType).add("injured", DataTypes.LongType);
  public static final StructType GOLD = new StructType()
      .add("doc_id", DataTypes.StringType)
      .add("expected_status", DataTypes.StringType)
      .add("strikes", DataTypes.createArrayType(STRIKE))
      .add("events", DataTypes.createArrayType(STRIKE));

  static final String[] VALUES = {"launched", "intercepted", "killed", "injured", "attacker"};

  private static Column key(String prefix) {
    return concat_ws("|", coalesce(col(prefix + "event_date").cast("string"), lit("?")), place(prefix));
  }

  /** The key without its date: country, region, weapon. */
  private static Column place(String prefix) {
    return concat_ws("|", col(prefix + "country"), coalesce(col(prefix + "region_iso"), lit("-")),
        col(prefix + "weapon"));
  }

  /**
   * The labelled documents of gold files (doc_id, strikes): the hand-written sets' {@code strikes}, or the
   * generator's {@code events} for the records it expects to be kept.
   */
  public static Dataset<Row> gold(SparkSession spark, String... paths) {
    return spark.read().schema(GOLD).json(paths)
        .filter(col("expected_status").isNull().or(col("expected_status").equalTo("kept")))
        .select(col("doc_id"), coalesce(col("strikes"), col("events"), array()).as("strikes"));
  }

  /** The scores, in a fixed order, plus up to {@code examples} mismatches as text lines. */
  public static Map<String, Object> score(SparkSession spark, String goldPath, Dataset<Row> articles,
                                          Dataset<Row> mentions, int examples) {
    Dataset<Row> gold = gold(spark, goldPath);
    Dataset<Row> held = articles.select("doc_id").distinct();
    long goldDocs = gold.count();
    Dataset<Row> scored = gold.join(held, "doc_id").cache();
    long scoredDocs = scored.count();

    Dataset<Row> g = scored.select(col("doc_id"), explode(col("strikes")).as("s")).select(col("doc_id"), col("s.*"))
        .withColumn("key", key("")).groupBy("doc_id", "key")
        .agg(first("launched").as("g_launched"), first("intercepted").as("g_intercepted"),
            first("killed").as("g_killed"), first("injured").as("g_injured"), first("attacker").as("g_attacker"),
            first("event_date").as("g_date"), first(place("")).as("g_place"));
    Dataset<Row> p = mentions.join(scored.select("doc_id"), "doc_id")
        .withColumn("key", key("")).groupBy("doc_id", "key")
        .agg(min_by(col("launched"), col("mention_id")).as("p_launched"),
            min_by(col("intercepted"), col("mention_id")).as("p_intercepted"),
            min_by(col("killed"), col("mention_id")).as("p_killed"),
            min_by(col("injured"), col("mention_id")).as("p_injured"),
            min_by(col("attacker"), col("mention_id")).as("p_attacker"),
            first(col("event_date").cast("string")).as("p_date"), first(place("")).as("p_place"),
            min_by(col("sentence"), col("mention_id")).as("sentence"));
    Dataset<Row> joined = g.withColumn("in_gold", lit(true))
        .join(p.withColumn("in_pred", lit(true)), new String[] {"doc_id", "key"}, "full_outer").cache();
    List<Column> aggs = new ArrayList<>();
    aggs.add(sum(when(col("in_gold").and(col("in_pred")), 1).otherwise(0)).as("tp"));
    aggs.add(sum(when(col("in_gold").isNull(), 1).otherwise(0)).as("fp"));
    aggs.add(sum(when(col("in_pred").isNull(), 1).otherwise(0)).as("fn"));
    for (String v : VALUES) {
      Column both = col("in_gold").and(col("in_pred")).and(col("g_" + v).isNotNull());
      aggs.add(sum(when(both, 1).otherwise(0)).as(v + "_n"));
      aggs.add(sum(when(both.and(col("p_" + v).eqNullSafe(col("g_" + v))), 1).otherwise(0)).as(v + "_exact"));
    }
    Row m = joined.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0])).first();
    // every later count reads the cached join: the mentions (re-extracted, with --reextract) are made once
    long[] hits = withinADay(joined);
    Dataset<Row> predicted = joined.filter(col("in_pred").isNotNull()).select("doc_id").distinct();

    Dataset<Row> perDoc = scored.select(col("doc_id"), size(col("strikes")).gt(0).as("gold_pos"))
        .join(predicted.withColumn("pred_pos", lit(true)), new String[] {"doc_id"}, "left")
        .withColumn("pred_pos", coalesce(col("pred_pos"), lit(false)));
    Row a = perDoc.agg(
        sum(when(col("gold_pos").and(col("pred_pos")), 1).otherwise(0)).as("tp"),
        sum(when(not(col("gold_pos")).and(col("pred_pos")), 1).otherwise(0)).as("fp"),
        sum(when(col("gold_pos").and(not(col("pred_pos"))), 1).otherwise(0)).as("fn"),
        sum(when(not(col("gold_pos")).and(not(col("pred_pos"))), 1).otherwise(0)).as("tn")).first();

    Map<String, Object> out = new LinkedHashMap<>();
    out.put("gold_documents", goldDocs);
    out.put("scored_documents", scoredDocs);
    out.put("gold_documents_not_in_articles", goldDocs - scoredDocs);
    out.put("article_tp", a.getLong(0));
    out.put("article_fp", a.getLong(1));
    out.put("article_fn", a.getLong(2));
    out.put("article_tn", a.getLong(3));
    putPrf(out, "article", a.getLong(0), a.getLong(1), a.getLong(2));
    out.put("mention_tp", m.getLong(0));
    out.put("mention_fp", m.getLong(1));
    out.put("mention_fn", m.getLong(2));
    putPrf(out, "mention", m.getLong(0), m.getLong(1), m.getLong(2));
    // dates may be off by one day: a gold strike is found when the article has a mention of its place and
    // weapon dated within a day (both undated counts too), and a mention is right when such a strike exists
    long predictions = m.getLong(0) + m.getLong(1);
    long strikes = m.getLong(0) + m.getLong(2);
    double pDay = predictions == 0 ? 0 : hits[0] / (double) predictions;
    double rDay = strikes == 0 ? 0 : hits[1] / (double) strikes;
    out.put("mention_precision_date_pm1", round(pDay));
    out.put("mention_recall_date_pm1", round(rDay));
    out.put("mention_f1_date_pm1", round(pDay + rDay == 0 ? 0 : 2 * pDay * rDay / (pDay + rDay)));
    for (int i = 0; i < VALUES.length; i++) {
      long n = m.getLong(3 + 2 * i);
      long exact = m.getLong(4 + 2 * i);
      out.put(VALUES[i] + "_compared", n);
      out.put(VALUES[i] + "_exact_rate", n == 0 ? null : round(exact / (double) n));
    }
    List<String> lines = new ArrayList<>();
    if (examples > 0) {
      for (Row r : joined.filter(col("in_gold").isNull().or(col("in_pred").isNull())
              .or(col("in_gold").and(col("in_pred")).and(
                  not(col("p_killed").eqNullSafe(col("g_killed")).or(col("g_killed").isNull()))
                      .or(not(col("p_injured").eqNullSafe(col("g_injured")).or(col("g_injured").isNull())))
                      .or(not(col("p_launched").eqNullSafe(col("g_launched")).or(col("g_launched").isNull()))))))
          .orderBy("doc_id", "key").limit(examples).collectAsList()) {
        String kind = r.isNullAt(r.fieldIndex("in_gold")) ? "FALSE"
            : r.isNullAt(r.fieldIndex("in_pred")) ? "MISSED" : "VALUE";
        lines.add(String.format(Locale.ROOT, "%-6s %s %s gold(l/k/i)=%s/%s/%s got=%s/%s/%s %s", kind,
            r.getAs("doc_id"), r.getAs("key"), r.getAs("g_launched"), r.getAs("g_killed"), r.getAs("g_injured"),
            r.getAs("p_launched"), r.getAs("p_killed"), r.getAs("p_injured"),
            r.getAs("sentence") == null ? "" : "| " + r.getAs("sentence")));
      }
    }
    out.put("examples", lines);
    joined.unpersist();
    scored.unpersist();
    return out;
  }

  /**
   * {predicted mentions with a gold strike of the same article, place and weapon within a day, gold strikes
   * with such a mention}, from the full outer join of gold strikes and predicted mentions.
   */
  private static long[] withinADay(Dataset<Row> joined) {
    Dataset<Row> gs = joined.filter(col("in_gold").isNotNull())
        .select(col("doc_id").as("gd"), col("g_place"), col("g_date").cast("date").as("gdate"));
    Dataset<Row> ps = joined.filter(col("in_pred").isNotNull())
        .select(col("doc_id").as("pd"), col("p_place"), col("p_date").cast("date").as("pdate"));
    Column near = col("gd").equalTo(col("pd")).and(col("g_place").equalTo(col("p_place")))
        .and(abs(datediff(col("gdate"), col("pdate"))).leq(1)
            .or(col("gdate").isNull().and(col("pdate").isNull())));
    return new long[] {ps.join(gs, near, "left_semi").count(), gs.join(ps, near, "left_semi").count()};
  }

  private static void putPrf(Map<String, Object> out, String prefix, long tp, long fp, long fn) {
    double p = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
    double r = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
    out.put(prefix + "_precision", round(p));
    out.put(prefix + "_recall", round(r));
    out.put(prefix + "_f1", round(p + r == 0 ? 0 : 2 * p * r / (p + r)));
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
