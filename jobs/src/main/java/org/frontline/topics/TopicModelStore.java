package org.frontline.topics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.ml.feature.IDFModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.frontline.lake.Lake;
import org.frontline.lake.Tables;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Fitted topic models in the lake: {@code LAKE/models/topics/<model_id>/pipeline} (the whole Spark ML
 * pipeline, text to topic index, saved with Spark ML persistence), {@code .../topics.json} (each topic index
 * with its topic id, label and terms, plus how the model was fitted) and {@code LAKE/models/topics/CURRENT}
 * naming the model in use. Model ids count up ({@code topics-0001}, ...); a model is complete before
 * {@code CURRENT} names it, so a crash mid-save leaves the previous model in use.
 */
public final class TopicModelStore {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final Lake lake;

  public TopicModelStore(Lake lake) {
    this.lake = lake;
  }

  /** One topic of a model: its index in the model, its stable id, label and distinctive terms. */
  public record Topic(int index, int topicId, String label, long fitSize, List<Term> terms) {}

  public record Term(String term, double weight) {}

  /** How a model was fitted and what its topics are. */
  public record Description(String modelId, String algorithm, int k, long seed, int dims, long fitDocuments,
                            String kChoice, List<KScore> kScores, List<Topic> topics) {}

  /** One candidate k of an automatic choice and its topic quality (NPMI × diversity). */
  public record KScore(int k, double npmi, double diversity, double quality) {}

  /** A loaded model. */
  public record Saved(Description description, PipelineModel pipeline) {
    public String[] vocabulary() {
      return TopicModelStore.vocabulary(pipeline);
    }

    /** The inverse document frequency of each vocabulary term, as the model's IDF stage learnt it in the fit. */
    public double[] idf() {
      for (var stage : pipeline.stages()) {
        if (stage instanceof IDFModel m) {
          return m.idf().toArray();
        }
      }
      throw new IllegalStateException("the topic pipeline has no IDFModel");
    }

    /**
     * The model's fixed background for term weights: one row per vocabulary term, {@code term} and its
     * {@code idf}. Weights computed against it depend on the model and on the weighed documents only.
     */
    public Dataset<Row> background(SparkSession spark) {
      String[] terms = vocabulary();
      double[] idf = idf();
      List<Row> rows = new ArrayList<>(terms.length);
      for (int i = 0; i < terms.length; i++) {
        rows.add(RowFactory.create(terms[i], idf[i]));
      }
      return spark.createDataFrame(rows, new StructType().add("term", DataTypes.StringType, false)
          .add("idf", DataTypes.DoubleType, false));
    }
  }

  /** The vocabulary of a topic pipeline (its CountVectorizerModel). */
  public static String[] vocabulary(PipelineModel pipeline) {
    for (var stage : pipeline.stages()) {
      if (stage instanceof CountVectorizerModel cv) {
        return cv.vocabulary();
      }
    }
    throw new IllegalStateException("the topic pipeline has no CountVectorizerModel");
  }

  private Path root() {
    return new Path(lake.root(), Tables.TOPIC_MODELS);
  }

  public Optional<String> currentId() {
    Path current = new Path(root(), "CURRENT");
    try {
      FileSystem fs = lake.fs();
      if (!fs.exists(current)) {
        return Optional.empty();
      }
      try (FSDataInputStream in = fs.open(current)) {
        String id = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        return id.isEmpty() ? Optional.empty() : Optional.of(id);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The next unused model id: one more than the highest model directory present. */
  public String nextId() {
    int max = 0;
    try {
      FileSystem fs = lake.fs();
      if (fs.exists(root())) {
        for (FileStatus st : fs.listStatus(root())) {
          String name = st.getPath().getName();
          if (st.isDirectory() && name.matches("topics-\\d+")) {
            max = Math.max(max, Integer.parseInt(name.substring("topics-".length())));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return String.format(Locale.ROOT, "topics-%04d", max + 1);
  }

  public Saved load(String modelId) {
    Path dir = new Path(root(), modelId);
    try (FSDataInputStream in = lake.fs().open(new Path(dir, "topics.json"))) {
      Description d = JSON.readValue((InputStream) in, Description.class);
      PipelineModel p = PipelineModel.load(new Path(dir, "pipeline").toString());
      return new Saved(d, p);
    } catch (IOException e) {
      throw new Lake.LakeException("cannot read topic model " + dir + ": " + e.getMessage());
    }
  }

  /** Saves the model and then makes it current. */
  public void save(Saved model) {
    String id = model.description().modelId();
    Path dir = new Path(root(), id);
    try {
      model.pipeline().write().overwrite().save(new Path(dir, "pipeline").toString());
      lake.writeText(Tables.TOPIC_MODELS + "/" + id + "/topics.json", JSON.writeValueAsString(model.description()));
    } catch (IOException e) {
      throw new Lake.LakeException("cannot save topic model " + dir + ": " + e.getMessage());
    }
    lake.writeText(Tables.TOPIC_MODELS + "/CURRENT", id + "\n");
  }

  public String path(String modelId) {
    return new Path(root(), modelId).toString();
  }
}
