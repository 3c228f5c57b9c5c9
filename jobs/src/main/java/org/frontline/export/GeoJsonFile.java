package org.frontline.export;

import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.*;

/**
 * Events as one GeoJSON file (RFC 7946): a FeatureCollection with a Point feature per event at its
 * {@code lon}, {@code lat} (WGS 84), its {@code event_id} as the feature's id and every other column of the
 * {@code events} table as a property ({@code geo_precision} among them: 3 marks a national figure drawn at the
 * country's reference point). An event without coordinates (a row of an older table) has a null geometry.
 * Features are made by Spark ({@code to_json}) and streamed to the file in event order, never collected whole.
 */
public final class GeoJsonFile {
  private GeoJsonFile() {}

  /** One feature per row, as JSON text, in event order. */
  static Dataset<Row> features(Dataset<Row> events) {
    List<Column> properties = new ArrayList<>();
    for (String c : events.columns()) {
      if (!c.equals("lat") && !c.equals("lon")) {
        properties.add(col(c));
      }
    }
    Column geometry = when(col("lat").isNotNull().and(col("lon").isNotNull()),
        struct(lit("Point").as("type"), array(col("lon"), col("lat")).as("coordinates")));
    Column feature = struct(lit("Feature").as("type"), col("event_id").as("id"), geometry.as("geometry"),
        struct(properties.toArray(new Column[0])).as("properties"));
    // every property on every feature, null ones too (Spark's default would leave them out)
    return events.orderBy(col("event_date"), col("event_id"))
        .select(to_json(feature, Map.of("ignoreNullFields", "false")).as("feature"));
  }

  /** Writes the events to {@code target} (replacing it) and returns how many features it holds. */
  public static long write(Dataset<Row> events, FileSystem fs, Path target) throws IOException {
    Path parent = target.getParent() == null ? new Path(".") : target.getParent();
    Path tmp = new Path(parent, "." + target.getName() + ".tmp");
    long n = 0;
    try (FSDataOutputStream out = fs.create(tmp, true);
         Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
      w.write("{\"type\":\"FeatureCollection\",\"features\":[");
      Iterator<Row> it = features(events).toLocalIterator();
      while (it.hasNext()) {
        w.write(n == 0 ? "\n" : ",\n");
        w.write(it.next().getString(0));
        n++;
      }
      w.write("\n]}\n");
    }
    fs.delete(target, false);
    if (!fs.rename(tmp, target)) {
      throw new IOException("cannot move " + tmp + " to " + target);
    }
    return n;
  }
}
