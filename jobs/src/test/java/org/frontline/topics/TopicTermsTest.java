package org.frontline.topics;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.frontline.SparkTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TopicTermsTest extends SparkTest {
  @Test
  void distinctiveTermsBeatTermsFrequentEverywhere() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      rows.add(RowFactory.create(0, List.of("ukraine", "ukraine", "ukraine", "talks", "peace", "envoy")));
      rows.add(RowFactory.create(1, List.of("ukraine", "ukraine", "ukraine", "drone", "drone", "kharkiv")));
      rows.add(RowFactory.create(2, List.of("ukraine", "ukraine", "ukraine", "grain", "export", "port")));
      rows.add(RowFactory.create(3, List.of("ukraine", "ukraine", "ukraine", "rate", "bank", "inflation")));
    }
    Dataset<Row> df = spark().createDataFrame(rows, new StructType().add("topic", DataTypes.IntegerType)
        .add("terms", DataTypes.createArrayType(DataTypes.StringType)));
    List<Row> topics = TopicTerms.distinctive(df, "topic", "terms", 3).orderBy("topic").collectAsList();
    assertEquals(4, topics.size());
    Row peace = topics.get(0);
    assertEquals(5L, peace.<Long>getAs("size"));
    List<Row> terms = peace.getList(peace.fieldIndex("terms"));
    assertEquals(3, terms.size());
    // "ukraine" is half of every topic's terms, but it is everywhere: it is not among the top three
    assertFalse(terms.stream().anyMatch(t -> t.getString(0).equals("ukraine")), terms.toString());
    Row drone = topics.get(1);
    assertEquals("drone", drone.getList(drone.fieldIndex("terms")).get(0) instanceof Row r ? r.getString(0) : null);
    assertTrue(drone.<String>getAs("label").startsWith("drone / "), drone.<String>getAs("label"));
  }
}
