package org.frontline.topics;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.frontline.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class NewsTokenizerTest extends SparkTest {
  @TempDir
  Path dir;

  @Test
  void keepsNamesDropsBoilerplateAndStems() {
    List<String> t = NewsTokenizer.analyzer(NewsTokenizer.defaultStopWords(), 2)
        .tokens("Russia's Shahed-136 drones struck Zaporizhzhia on 12 March, the Air Force said. Kh-101 missiles"
            + " were launched; peace talks resumed.");
    assertEquals(List.of("russia", "shahed-136", "drone", "struck", "zaporizhzhia", "march", "air", "force",
        "kh-101", "missile", "launch", "peace", "talks", "resume"), t); // KStem keeps "talks" (a dictionary word)
  }

  @Test
  void transformsAColumnAndPersists() throws Exception {
    Dataset<Row> df = spark().createDataFrame(List.of(
        RowFactory.create("Drones attacked Kharkiv overnight."),
        RowFactory.create((Object) null)),
        new StructType().add("text", "string"));
    NewsTokenizer tok = new NewsTokenizer().setOutputCol("tok");
    PipelineModel model = new Pipeline().setStages(new PipelineStage[] {tok}).fit(df);
    model.write().overwrite().save(dir.resolve("m").toString());
    PipelineModel loaded = PipelineModel.load(dir.resolve("m").toString());
    List<Row> rows = loaded.transform(df).select("tok").collectAsList();
    assertEquals(List.of("drone", "attack", "kharkiv", "overnight"), rows.get(0).getList(0));
    assertEquals(List.of(), rows.get(1).getList(0));
    NewsTokenizer back = (NewsTokenizer) loaded.stages()[0];
    assertEquals(NewsTokenizer.defaultStopWords().length, back.getOrDefault(back.stopWords()).length);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new NewsTokenizer().setInputCol("body").transformSchema(df.schema()));
    assertTrue(e.getMessage().contains("'body' not found"), e.getMessage());
  }
}
