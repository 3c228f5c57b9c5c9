package org.frontline.topics;

import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.frontline.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TopicFeaturesTest extends SparkTest {
  static Dataset<Row> corpus() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      rows.add(RowFactory.create("Peace talks resumed in Geneva as delegations met, and peace talks continue, the"
          + " envoy said (" + i + ")."));
      rows.add(RowFactory.create("Air defence shot down drones over Kharkiv; air defence crews worked all night ("
          + i + ")."));
      rows.add(RowFactory.create("The central bank kept its key rate as grain exports rose, the ministry said ("
          + i + ")."));
    }
    return spark().createDataFrame(rows, new StructType().add("text", "string"));
  }

  @Test
  void vocabularyHasBigramsBoundedByDocumentFrequency() {
    PipelineModel m = TopicFeatures.pipeline(new TopicFeatures.Options("text", 1000, 3, 0.5, true)).fit(corpus());
    CountVectorizerModel cv = (CountVectorizerModel) m.stages()[3];
    List<String> vocab = Arrays.asList(cv.vocabulary());
    assertTrue(vocab.contains("peace talks"), vocab.toString());
    assertTrue(vocab.contains("air defence"), vocab.toString());
    assertTrue(vocab.contains("kharkiv"), vocab.toString());
    assertFalse(vocab.contains("said"), "boilerplate stays out");
    assertFalse(vocab.contains("the"), "stop words stay out");
    Row r = m.transform(corpus()).select("features").first();
    assertEquals(1.0, Vectors.norm((Vector) r.get(0), 2.0), 1e-9);
  }

  @Test
  void theFittedFeaturesSaveAndLoad(@TempDir Path dir) throws Exception {
    PipelineModel m = TopicFeatures.pipeline(new TopicFeatures.Options("text", 1000, 3, 0.5, true)).fit(corpus());
    m.write().overwrite().save(dir.resolve("features").toString());
    PipelineModel back = PipelineModel.load(dir.resolve("features").toString());
    assertEquals(m.transform(corpus()).select("features").collectAsList(),
        back.transform(corpus()).select("features").collectAsList());
  }

  @Test
  void optionsAreValidated() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new TopicFeatures.Options("text", 100, 2, 1.5, true));
    assertTrue(e.getMessage().contains("maxDf"), e.getMessage());
  }
}
