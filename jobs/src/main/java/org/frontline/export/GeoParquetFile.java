package org.frontline.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.*;

/**
 * Events as one GeoParquet 1.1 file: the columns of the {@code events} table (arrays as JSON text) plus a
 * {@code geometry} column of WKB points (longitude, latitude; OGC:CRS84, GeoParquet's default) and the file's
 * {@code geo} metadata naming it, with the bounding box, so that QGIS, GDAL (3.8+), DuckDB and GeoPandas read it
 * as a layer of points. Spark cannot add file metadata to its own Parquet files: the rows are streamed in event
 * order to one Parquet writer on the driver (the events table is small; never collected whole).
 */
public final class GeoParquetFile {
  private GeoParquetFile() {}

  /** GeoParquet's specification version this file follows. */
  static final String VERSION = "1.1.0";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The Parquet schema: each scalar column as its Parquet type, nested ones as JSON text, then the geometry. */
  static MessageType schema(StructType events) {
    Types.MessageTypeBuilder b = Types.buildMessage();
    for (StructField f : events.fields()) {
      DataType t = f.dataType();
      if (t == DataTypes.IntegerType) {
        b.optional(PrimitiveTypeName.INT32).named(f.name());
      } else if (t == DataTypes.LongType) {
        b.optional(PrimitiveTypeName.INT64).named(f.name());
      } else if (t == DataTypes.DoubleType) {
        b.optional(PrimitiveTypeName.DOUBLE).named(f.name());
      } else if (t == DataTypes.BooleanType) {
        b.optional(PrimitiveTypeName.BOOLEAN).named(f.name());
      } else if (t == DataTypes.DateType) {
        b.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named(f.name());
      } else {
        b.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(f.name());
      }
    }
    return b.optional(PrimitiveTypeName.BINARY).named("geometry").named("event");
  }

  /** The file's {@code geo} metadata: one WKB point column with its bounding box (none without a point). */
  static String geoMetadata(Row box) {
    ObjectNode geo = JSON.createObjectNode();
    geo.put("version", VERSION);
    geo.put("primary_column", "geometry");
    ObjectNode column = geo.putObject("columns").putObject("geometry");
    column.put("encoding", "WKB");
    column.putArray("geometry_types").add("Point");
    if (!box.isNullAt(0)) {
      ArrayNode bbox = column.putArray("bbox");
      for (int i = 0; i < 4; i++) {
        bbox.add(box.getDouble(i));
      }
    }
    return geo.toString();
  }

  /** Writes the events to {@code target} (replacing it) and returns how many rows it holds. */
  public static long write(Dataset<Row> events, Configuration conf, Path target) throws IOException {
    StructType schema = events.schema();
    MessageType parquet = schema(schema);
    Column located = col("lat").isNotNull().and(col("lon").isNotNull());
    Row box = events.filter(located).agg(min("lon"), min("lat"), max("lon"), max("lat")).first();
    List<Column> cols = new ArrayList<>();
    for (StructField f : schema.fields()) {
      boolean nested = f.dataType() instanceof ArrayType || f.dataType() instanceof MapType
          || f.dataType() instanceof StructType;
      cols.add(nested ? to_json(col(f.name())).as(f.name()) : col(f.name()));
    }
    Dataset<Row> rows = events.orderBy(col("event_date"), col("event_id")).select(cols.toArray(new Column[0]));
    FileSystem fs = target.getFileSystem(conf);
    Path parent = target.getParent() == null ? new Path(".") : target.getParent();
    Path tmp = new Path(parent, "." + target.getName() + ".tmp");
    GeometryFactory geometries = new GeometryFactory();
    WKBWriter wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN);
    SimpleGroupFactory groups = new SimpleGroupFactory(parquet);
    int lat = schema.fieldIndex("lat");
    int lon = schema.fieldIndex("lon");
    long n = 0;
    try (ParquetWriter<Group> w = ExampleParquetWriter.builder(tmp).withConf(conf).withType(parquet)
        .withExtraMetaData(Map.of("geo", geoMetadata(box)))
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE).build()) {
      Iterator<Row> it = rows.toLocalIterator();
      while (it.hasNext()) {
        Row r = it.next();
        Group g = groups.newGroup();
        for (int i = 0; i < schema.size(); i++) {
          if (!r.isNullAt(i)) {
            add(g, schema.fields()[i], r, i);
          }
        }
        if (!r.isNullAt(lat) && !r.isNullAt(lon)) {
          g.add("geometry", Binary.fromConstantByteArray(
              wkb.write(geometries.createPoint(new Coordinate(r.getDouble(lon), r.getDouble(lat))))));
        }
        w.write(g);
        n++;
      }
    }
    fs.delete(target, false);
    if (!fs.rename(tmp, target)) {
      throw new IOException("cannot move " + tmp + " to " + target);
    }
    fs.delete(new Path(tmp.getParent(), "." + tmp.getName() + ".crc"), false);
    return n;
  }

  private static void add(Group g, StructField f, Row r, int i) {
    DataType t = f.dataType();
    String name = f.name();
    if (t == DataTypes.IntegerType) {
      g.add(name, r.getInt(i));
    } else if (t == DataTypes.LongType) {
      g.add(name, r.getLong(i));
    } else if (t == DataTypes.DoubleType) {
      g.add(name, r.getDouble(i));
    } else if (t == DataTypes.BooleanType) {
      g.add(name, r.getBoolean(i));
    } else if (t == DataTypes.DateType) {
      g.add(name, (int) r.getDate(i).toLocalDate().toEpochDay());
    } else {
      g.add(name, String.valueOf(r.get(i)));
    }
  }
}
