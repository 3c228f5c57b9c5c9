package org.frontline.ingest;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.hadoop.util.LineReader;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;
import org.frontline.ingest.InputFiles.Format;
import org.frontline.ingest.InputFiles.InputFile;
import org.frontline.lake.Tables;
import scala.jdk.javaapi.CollectionConverters;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import static org.apache.spark.sql.functions.*;

/**
 * Reads input files into raw records ({@link Tables#RAW_RECORD}): one row per record with its file, its
 * position (byte offset, line or row), the raw text and, for CSV, TXT and Parquet, its fields by column
 * name. Nothing is interpreted here; a record that cannot even be read carries a {@code read_error} code
 * and goes on to quarantine. Plain JSON-lines files are split across tasks (Hadoop's line reader, byte
 * offsets); compressed files, CSV (quoted fields may span lines) and TXT are streamed one task per file.
 */
public final class RecordReaders {
  /** Raw text kept for a quarantined record. */
  public static final int RAW_KEEP_CHARS = 2000;

  private RecordReaders() {}

  public static Dataset<Row> read(SparkSession spark, List<InputFile> files, long maxRecordBytes) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<JavaRDD<Row>> rdds = new ArrayList<>();
    List<InputFile> streamed = new ArrayList<>();
    List<InputFile> parquet = new ArrayList<>();
    for (InputFile f : files) {
      if (f.format() == Format.JSONL && !f.compressed()) {
        rdds.add(splitJsonLines(jsc, f, maxRecordBytes));
      } else if (f.format() == Format.PARQUET) {
        parquet.add(f);
      } else {
        streamed.add(f);
      }
    }
    if (!streamed.isEmpty()) {
      SerializableConfiguration conf = new SerializableConfiguration(jsc.hadoopConfiguration());
      rdds.add(jsc.parallelize(streamed, streamed.size())
          .flatMap(f -> streamFile(f, conf.value(), maxRecordBytes)));
    }
    Dataset<Row> out = null;
    if (!rdds.isEmpty()) {
      JavaRDD<Row> all = rdds.size() == 1 ? rdds.get(0) : jsc.union(rdds.toArray(new JavaRDD[0]));
      out = spark.createDataFrame(all, Tables.RAW_RECORD);
    }
    for (InputFile f : parquet) {
      Dataset<Row> p = readParquet(spark, f, maxRecordBytes);
      out = out == null ? p : out.unionByName(p);
    }
    return out;
  }

  // ---------------------------------------------------------------- JSON lines, split by Hadoop

  private static JavaRDD<Row> splitJsonLines(JavaSparkContext jsc, InputFile f, long maxBytes) {
    String path = f.path();
    return jsc.newAPIHadoopFile(path, TextInputFormat.class, LongWritable.class, Text.class,
            jsc.hadoopConfiguration())
        .filter(t -> !isBlank(t._2()))
        .map(t -> jsonLine(path, t._1().get(), t._2(), maxBytes));
  }

  static boolean isBlank(Text t) {
    byte[] b = t.getBytes();
    for (int i = 0; i < t.getLength(); i++) {
      if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
        return false;
      }
    }
    return true;
  }

  static Row jsonLine(String file, long offset, Text line, long maxBytes) {
    String error = null;
    if (line.getLength() > maxBytes) {
      error = Reason.RECORD_TOO_LARGE.name();
    } else {
      try {
        Text.validateUTF8(line.getBytes(), 0, line.getLength());
      } catch (CharacterCodingException e) {
        error = Reason.INVALID_UTF8.name();
      }
    }
    String raw = error == null ? line.toString() : prefix(line);
    return RowFactory.create(file, "byte", offset, "jsonl", raw, null, error,
        error == null ? null : codePoints(line.getBytes(), line.getLength()));
  }

  /**
   * Characters (code points, as Spark's {@code length} counts them) of UTF-8 bytes: the bytes that do not
   * continue a character. Counted without decoding, so a 50 MB record costs no 100 MB string.
   */
  static long codePoints(byte[] bytes, int n) {
    long c = 0;
    for (int i = 0; i < n; i++) {
      c += (bytes[i] & 0xC0) != 0x80 ? 1 : 0;
    }
    return c;
  }

  private static String prefix(Text line) {
    int n = Math.min(line.getLength(), RAW_KEEP_CHARS * 4);
    return truncate(new String(line.getBytes(), 0, n, StandardCharsets.UTF_8));
  }

  static String truncate(String s) {
    return s == null || s.length() <= RAW_KEEP_CHARS ? s : s.substring(0, RAW_KEEP_CHARS);
  }

  // ---------------------------------------------------------------- streamed: compressed JSONL, CSV, TXT

  static Iterator<Row> streamFile(InputFile f, Configuration conf, long maxBytes) {
    InputStream in;
    try {
      in = open(f, conf);
    } catch (IOException e) {
      return Collections.singletonList(error(f, "byte", 0L, Reason.UNREADABLE_FILE, e.getMessage())).iterator();
    }
    switch (f.format()) {
      case JSONL: return new JsonLineIterator(f, in, maxBytes);
      case CSV: return new CsvIterator(f, in, maxBytes);
      case TXT: return textFile(f, in, maxBytes);
      default: throw new IllegalStateException("not a streamed format: " + f.format());
    }
  }

  static InputStream open(InputFile f, Configuration conf) throws IOException {
    Path path = new Path(f.path());
    FileSystem fs = path.getFileSystem(conf);
    FSDataInputStream raw = fs.open(path);
    CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(path);
    return codec == null ? raw : codec.createInputStream(raw);
  }

  static Row error(InputFile f, String kind, Long position, Reason reason, String raw) {
    return error(f, kind, position, reason, raw, raw == null ? null : (long) raw.codePointCount(0, raw.length()));
  }

  /** An unreadable record: its start, and {@code length} characters in all. */
  static Row error(InputFile f, String kind, Long position, Reason reason, String raw, Long length) {
    return RowFactory.create(f.path(), kind, position, f.format().name().toLowerCase(), truncate(raw), null,
        reason.name(), length);
  }

  static Row fields(InputFile f, String kind, long position, String raw, Map<String, String> fields,
                    Reason error) {
    return RowFactory.create(f.path(), kind, position, f.format().name().toLowerCase(),
        error == null ? raw : truncate(raw), error == null ? CollectionConverters.asScala(fields) : null,
        error == null ? null : error.name(), error == null ? null : (long) raw.codePointCount(0, raw.length()));
  }

  /** Lines of a (usually compressed) JSON-lines stream, with decompressed byte offsets. */
  static final class JsonLineIterator implements Iterator<Row> {
    private final InputFile file;
    private final InputStream in;
    private final LineReader reader;
    private final long maxBytes;
    private final Text line = new Text();
    private long offset;
    private Row next;
    private boolean done;

    JsonLineIterator(InputFile file, InputStream in, long maxBytes) {
      this.file = file;
      this.in = in;
      this.reader = new LineReader(in);
      this.maxBytes = maxBytes;
    }

    @Override
    public boolean hasNext() {
      while (next == null && !done) {
        try {
          long start = offset;
          int n = reader.readLine(line);
          if (n == 0) {
            finish();
          } else {
            offset += n;
            if (!isBlank(line)) {
              next = jsonLine(file.path(), start, line, maxBytes);
            }
          }
        } catch (EOFException e) {
          next = error(file, "byte", offset, Reason.TRUNCATED_INPUT, "stream ended early: " + e.getMessage());
          finish();
        } catch (IOException e) {
          next = error(file, "byte", offset, Reason.UNREADABLE_FILE, e.toString());
          finish();
        }
      }
      return next != null;
    }

    private void finish() {
      done = true;
      try {
        in.close();
      } catch (IOException ignored) {
        // nothing more to read either way
      }
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Row r = next;
      next = null;
      return r;
    }
  }

  /** Records of a CSV file with a header, numbered by the line they start on. */
  static final class CsvIterator implements Iterator<Row> {
    private final InputFile file;
    private final long maxBytes;
    private CSVParser parser;
    private Iterator<CSVRecord> records;
    private List<String> header;
    private Row next;
    private boolean done;

    CsvIterator(InputFile file, InputStream in, long maxBytes) {
      this.file = file;
      this.maxBytes = maxBytes;
      try {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
        parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setAllowMissingColumnNames(true).setIgnoreEmptyLines(true).setLenientEof(true)
            .setTrailingData(true).get().parse(reader);
        header = parser.getHeaderNames();
        records = parser.iterator();
      } catch (IOException | RuntimeException e) {
        next = error(file, "line", 1L, Reason.MALFORMED_CSV, "cannot read the header: " + e.getMessage());
        done = true;
      }
    }

    @Override
    public boolean hasNext() {
      if (next != null || done) {
        return next != null;
      }
      long startLine = parser.getCurrentLineNumber() + 1;
      try {
        if (!records.hasNext()) {
          done = true;
          close();
          return false;
        }
        CSVRecord r = records.next();
        String raw = String.join(",", r.values());
        Reason err = null;
        if (raw.length() > maxBytes) {
          err = Reason.RECORD_TOO_LARGE;
        } else if (raw.indexOf('\uFFFD') >= 0) {
          err = Reason.INVALID_UTF8;
        } else if (r.size() != header.size()) {
          err = Reason.WRONG_COLUMN_COUNT;
        }
        Map<String, String> map = new LinkedHashMap<>();
        if (err == null) {
          for (int i = 0; i < header.size(); i++) {
            map.put(header.get(i), r.get(i));
          }
        }
        next = fields(file, "line", startLine, raw, map, err);
      } catch (RuntimeException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        Reason reason = cause instanceof EOFException ? Reason.TRUNCATED_INPUT : Reason.MALFORMED_CSV;
        next = error(file, "line", startLine, reason, String.valueOf(cause.getMessage()));
        done = true;
        close();
      }
      return true;
    }

    private void close() {
      try {
        parser.close();
      } catch (IOException ignored) {
        // reading is over
      }
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Row r = next;
      next = null;
      return r;
    }
  }

  /** A plain-text article: the file name is the id, the first non-blank line the title, the rest the text. */
  static Iterator<Row> textFile(InputFile f, InputStream in, long maxBytes) {
    try (in) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      String content = new String(bytes, StandardCharsets.UTF_8);
      if (bytes.length > maxBytes) {
        // the rest is counted, not kept
        long length = codePoints(bytes, bytes.length);
        byte[] chunk = new byte[1 << 16];
        for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
          length += codePoints(chunk, n);
        }
        return List.of(error(f, "byte", 0L, Reason.RECORD_TOO_LARGE, content, length)).iterator();
      }
      try {
        Text.validateUTF8(bytes);
      } catch (CharacterCodingException e) {
        return List.of(error(f, "byte", 0L, Reason.INVALID_UTF8, content)).iterator();
      }
      String trimmed = content.strip();
      int nl = trimmed.indexOf('\n');
      String name = new Path(f.path()).getName();
      String id = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
      Map<String, String> map = new LinkedHashMap<>();
      map.put("id", id);
      map.put("title", nl < 0 ? trimmed : trimmed.substring(0, nl).strip());
      map.put("text", nl < 0 ? "" : trimmed.substring(nl + 1));
      return List.of(fields(f, "byte", 0L, content, map, null)).iterator();
    } catch (EOFException e) {
      return List.of(error(f, "byte", 0L, Reason.TRUNCATED_INPUT, e.getMessage())).iterator();
    } catch (IOException e) {
      return List.of(error(f, "byte", 0L, Reason.UNREADABLE_FILE, e.toString())).iterator();
    }
  }

  // ---------------------------------------------------------------- Parquet

  static Dataset<Row> readParquet(SparkSession spark, InputFile f, long maxBytes) {
    Dataset<Row> df;
    try {
      df = spark.read().parquet(f.path());
    } catch (Exception e) {
      Row r = RowFactory.create(f.path(), "row", null, "parquet", truncate(e.getMessage()), null,
          Reason.UNREADABLE_FILE.name(), e.getMessage() == null ? null : (long) e.getMessage().length());
      return spark.createDataFrame(List.of(r), Tables.RAW_RECORD);
    }
    List<Column> keys = new ArrayList<>();
    List<Column> values = new ArrayList<>();
    for (StructField field : df.schema().fields()) {
      keys.add(lit(field.name()));
      values.add(asString(col("`" + field.name().replace("`", "``") + "`"), field.dataType()));
    }
    Column raw = to_json(struct(df.columns().length == 0 ? new Column[] {lit(null)}
        : Arrays.stream(df.columns()).map(c -> col("`" + c.replace("`", "``") + "`")).toArray(Column[]::new)));
    Column tooLarge = length(col("raw")).gt(maxBytes);
    return df.select(
            lit(f.path()).as("source_file"),
            lit("row").as("position_kind"),
            col("_metadata.row_index").as("position"),
            lit("parquet").as("format"),
            raw.as("raw"),
            map_from_arrays(array(keys.toArray(new Column[0])), array(values.toArray(new Column[0]))).as("fields"))
        .withColumn("read_error", when(tooLarge, lit(Reason.RECORD_TOO_LARGE.name())))
        .withColumn("raw_length", when(tooLarge, length(col("raw")).cast(DataTypes.LongType)))
        .withColumn("fields", when(tooLarge, lit(null)).otherwise(col("fields")))
        .withColumn("raw", when(tooLarge, substring(col("raw"), 1, RAW_KEEP_CHARS)).otherwise(col("raw")));
  }

  private static Column asString(Column c, DataType type) {
    if (type instanceof StructType || type instanceof ArrayType
        || type instanceof MapType) {
      return to_json(c);
    }
    return c.cast(DataTypes.StringType);
  }

}
