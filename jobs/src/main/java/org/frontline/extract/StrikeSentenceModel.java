package org.frontline.extract;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.feature.NGram;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.ml.functions;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.frontline.common.Stems;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.apache.spark.sql.functions.*;

/**
 * A learned second opinion on the rules: a sentence classifier (strike report yes/no, and the weapon class of
 * a strike report), in Spark MLlib — word and word-pair counts (hashed, IDF-weighted) into logistic
 * regression. It is trained on the sentences of the labelled articles and, with a lower weight, on weak
 * labels the rules give the sentences of the unlabelled corpus: a sentence is a strike report when a rule
 * mention rests on it. In a labelled article without strikes every sentence is negative; in one with
 * strikes, a sentence is positive when a rule mention rests on it or it has a strike or casualty word.
 *
 * <p>Its use ({@link #flags}): the sentences it calls strike reports with at least a threshold's
 * probability are handed to {@link StrikeRules} as flagged, and the rules attribute place, date and figures
 * to them (the flag's weapon class stands in when the sentence names none). Same data, same model.
 */
public final class StrikeSentenceModel {
  private StrikeSentenceModel() {}

  /** One sentence of an article's text, as {@link Sentences} splits it. */
  public static final StructType SENTENCE = new StructType()
      .add("sentence_index", DataTypes.IntegerType, false)
      .add("sentence", DataTypes.StringType, false);

  /** Weight of a weak (rule-given) label against a hand label's 1. */
  static final double WEAK_WEIGHT = 0.3;

  private static final UserDefinedFunction SPLIT = udf((UDF1<String, List<Row>>) text -> {
    List<Row> out = new ArrayList<>();
    if (text != null) {
      for (Sentences.Span s : Sentences.split(text)) {
        out.add(RowFactory.create(s.index(), s.text()));
      }
    }
    return out;
  }, new ArrayType(SENTENCE, false));

  private static final UserDefinedFunction STRIKE_WORDS = udf((UDF1<String, Boolean>) s ->
      s != null && StrikeCues.mayReport(s, Stems.asciiLowerCase(s)), DataTypes.BooleanType);

  /** The sentences of articles (columns {@code doc_id, text}): doc_id, sentence_index, sentence. */
  public static Dataset<Row> sentences(Dataset<Row> articles) {
    return articles.select(col("doc_id"), explode(SPLIT.apply(col("text"))).as("s"))
        .select(col("doc_id"), col("s.sentence_index"), col("s.sentence"));
  }

  /**
   * Training rows (doc_id, sentence_index, sentence, label, weight, weapon_label) from the lake's articles
   * and the rules' mentions, with the hand labels of {@code gold} (doc_id, strikes) where an article has them.
   */
  public static Dataset<Row> trainingSet(Dataset<Row> articles, Dataset<Row> mentions, Dataset<Row> gold) {
    Dataset<Row> byRule = mentions.filter(col("sentence_field").equalTo("text"))
        .select(col("doc_id").as("r_doc"), explode(col("evidence_sentences")).as("r_index"),
            col("weapon").as("r_weapon"))
        .groupBy("r_doc", "r_index").agg(min(when(col("r_weapon").notEqual("unknown"), col("r_weapon"))).as("r_weapon"))
        .withColumn("r_pos", lit(true));
    Dataset<Row> hand = gold.select(col("doc_id").as("g_doc"), size(col("strikes")).gt(0).as("g_pos"),
        when(size(array_distinct(col("strikes.weapon"))).equalTo(1), element_at(col("strikes.weapon"), 1))
            .as("g_weapon"));
    Column rule = coalesce(col("r_pos"), lit(false));
    Column label = when(col("g_doc").isNull(), when(rule, 1.0).otherwise(0.0))
        .when(not(col("g_pos")), 0.0)
        .when(rule.or(STRIKE_WORDS.apply(col("sentence"))), 1.0).otherwise(0.0);
    Column weapon = coalesce(col("r_weapon"), when(col("g_weapon").notEqual("unknown"), col("g_weapon")));
    return sentences(articles)
        .join(byRule, col("doc_id").equalTo(col("r_doc")).and(col("sentence_index").equalTo(col("r_index"))), "left")
        .join(hand, col("doc_id").equalTo(col("g_doc")), "left")
        .select(col("doc_id"), col("sentence_index"), col("sentence"), label.as("label"),
            when(col("g_doc").isNull(), WEAK_WEIGHT).otherwise(1.0).as("weight"),
            when(label.equalTo(1.0), weaponIndex(weapon)).as("weapon_label"));
  }

  /** The weapon class's position among the five named classes (drone 0 … glide_bomb 4), null otherwise. */
  private static Column weaponIndex(Column weapon) {
    Column c = lit(null).cast("double");
    for (WeaponClass w : WeaponClass.values()) {
      if (w != WeaponClass.UNKNOWN) {
        c = when(weapon.equalTo(w.label()), (double) w.ordinal()).otherwise(c);
      }
    }
    return c;
  }

  private static PipelineStage[] featurizer() {
    return new PipelineStage[] {
        new RegexTokenizer().setInputCol("sentence").setOutputCol("words").setPattern("[^\\p{L}\\p{N}]+")
            .setToLowercase(true),
        new NGram().setN(2).setInputCol("words").setOutputCol("pairs"),
        new SQLTransformer().setStatement("SELECT *, concat(words, pairs) AS terms FROM __THIS__"),
        new HashingTF().setInputCol("terms").setOutputCol("tf").setNumFeatures(1 << 18).setBinary(true),
        new IDF().setInputCol("tf").setOutputCol("features").setMinDocFreq(2)};
  }

  /** The two classifiers, fitted: strike report yes/no, and the weapon class of a strike report. */
  public record Fitted(PipelineModel strike, PipelineModel weapon) {
    public void save(String dir) throws IOException {
      strike.write().overwrite().save(dir + "/strike");
      weapon.write().overwrite().save(dir + "/weapon");
    }

    public static Fitted load(String dir) {
      return new Fitted(PipelineModel.load(dir + "/strike"), PipelineModel.load(dir + "/weapon"));
    }
  }

  /** Fits both classifiers on {@link #trainingSet} rows. */
  public static Fitted fit(Dataset<Row> training) {
    Dataset<Row> t = training.cache();
    PipelineStage[] f = featurizer();
    LogisticRegression strike = new LogisticRegression().setLabelCol("label").setWeightCol("weight")
        .setRegParam(0.01).setMaxIter(100).setProbabilityCol("strike_p").setRawPredictionCol("strike_raw")
        .setPredictionCol("strike_pred");
    PipelineModel s = new Pipeline().setStages(append(f, strike)).fit(t);
    LogisticRegression weapon = new LogisticRegression().setLabelCol("weapon_label").setWeightCol("weight")
        .setFamily("multinomial").setRegParam(0.01).setMaxIter(100).setProbabilityCol("weapon_p")
        .setRawPredictionCol("weapon_raw").setPredictionCol("weapon_pred");
    PipelineModel w = new Pipeline().setStages(append(featurizer(), weapon))
        .fit(t.filter(col("weapon_label").isNotNull()));
    t.unpersist();
    return new Fitted(s, w);
  }

  private static PipelineStage[] append(PipelineStage[] stages, PipelineStage last) {
    PipelineStage[] out = Arrays.copyOf(stages, stages.length + 1);
    out[stages.length] = last;
    return out;
  }

  /**
   * Per article (columns {@code doc_id, text}): {@code flags}, a map from the index of each sentence the
   * model calls a strike report with probability at least {@code threshold} to its weapon class — the
   * column {@link StrikeExtractor#setFlagsCol} reads. Articles without such a sentence get an empty map.
   */
  public static Dataset<Row> flags(Fitted model, Dataset<Row> articles, double threshold) {
    Dataset<Row> scored = model.strike().transform(sentences(articles))
        .withColumn("p", element_at(functions.vector_to_array(col("strike_p"), "float64"), 2))
        .filter(col("p").geq(threshold))
        .select("doc_id", "sentence_index", "sentence");
    Dataset<Row> weapon = model.weapon().transform(scored);
    Column name = lit(WeaponClass.UNKNOWN.label());
    for (WeaponClass w : WeaponClass.values()) {
      name = when(col("weapon_pred").equalTo((double) w.ordinal()), w.label()).otherwise(name);
    }
    Dataset<Row> perDoc = weapon.groupBy(col("doc_id").as("f_doc"))
        .agg(map_from_entries(collect_list(struct(col("sentence_index"), name))).as("flags"));
    Column none = map_from_arrays(array().cast("array<int>"), array().cast("array<string>"));
    return articles.join(perDoc, col("doc_id").equalTo(col("f_doc")), "left")
        .withColumn("flags", coalesce(col("flags"), none)).drop("f_doc");
  }
}
