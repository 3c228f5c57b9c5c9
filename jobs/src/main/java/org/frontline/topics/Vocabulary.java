package org.frontline.topics;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.collection.Seq;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.apache.spark.sql.functions.udf;

/**
 * A topic model's vocabulary (its CountVectorizer terms) as a small table and as a broadcast filter that
 * keeps, in order, only the tokens of an array that are in it. The metrics read documents through it, as
 * the model sees them.
 */
public final class Vocabulary {
  private final String[] terms;
  private final int[] indices;
  private final int width;
  private final boolean unigramsOnly;

  /** @param unigramsOnly leave out two-word terms (the NPMI and diversity words are single words) */
  public Vocabulary(String[] terms, boolean unigramsOnly) {
    List<String> kept = new ArrayList<>();
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < terms.length; i++) {
      if (!unigramsOnly || !terms[i].contains(" ")) {
        kept.add(terms[i]);
        at.add(i);
      }
    }
    this.terms = kept.toArray(new String[0]);
    this.indices = at.stream().mapToInt(Integer::intValue).toArray();
    this.width = terms.length;
    this.unigramsOnly = unigramsOnly;
  }

  public int size() {
    return terms.length;
  }

  /** The size of the full vocabulary, i.e. of the model's term-count vectors. */
  public int width() {
    return width;
  }

  public boolean unigramsOnly() {
    return unigramsOnly;
  }

  /** The term at position {@code i} of this vocabulary. */
  public String termAt(int i) {
    return terms[i];
  }

  /** The term at index {@code index} of the full vocabulary (the count vectors'), null when this one leaves it out. */
  public String term(int index) {
    int p = position(index);
    return p < 0 ? null : terms[p];
  }

  /** The position in this vocabulary of the full vocabulary's index {@code index}, −1 when left out. */
  public int position(int index) {
    int p = Arrays.binarySearch(indices, index);
    return p < 0 ? -1 : p;
  }

  /** One string column {@code term}. */
  public Dataset<Row> table(SparkSession spark) {
    List<Row> rows = new ArrayList<>(terms.length);
    for (String t : terms) {
      rows.add(RowFactory.create(t));
    }
    return spark.createDataFrame(rows, new StructType().add("term", DataTypes.StringType, false));
  }

  /** Columns {@code index} (the term's position in the full vocabulary, i.e. in the count vectors) and {@code term}. */
  public Dataset<Row> indexTable(SparkSession spark) {
    List<Row> rows = new ArrayList<>(terms.length);
    for (int i = 0; i < terms.length; i++) {
      rows.add(RowFactory.create(indices[i], terms[i]));
    }
    return spark.createDataFrame(rows, new StructType().add("index", DataTypes.IntegerType, false)
        .add("term", DataTypes.StringType, false));
  }

  /**
   * array&lt;string&gt; → the full-vocabulary index of each of its tokens in this vocabulary (order kept), packed
   * as 4-byte big-endian ints in one binary value (no boxed integer per token on the way to the driver).
   */
  public UserDefinedFunction packedIndices(SparkSession spark) {
    Map<String, Integer> at = new HashMap<>();
    for (int i = 0; i < terms.length; i++) {
      at.put(terms[i], indices[i]);
    }
    Broadcast<Map<String, Integer>> b = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(at);
    return udf((UDF1<Seq<String>, byte[]>) tokens -> {
      if (tokens == null) {
        return null;
      }
      Map<String, Integer> v = b.value();
      ByteBuffer out = ByteBuffer.allocate(4 * tokens.size());
      var it = tokens.iterator();
      while (it.hasNext()) {
        Integer i = v.get(it.next());
        if (i != null) {
          out.putInt(i);
        }
      }
      return Arrays.copyOf(out.array(), out.position());
    }, DataTypes.BinaryType);
  }

  /** array&lt;string&gt; → the same array without the tokens outside the vocabulary (order kept). */
  public UserDefinedFunction filter(SparkSession spark) {
    Set<String> set = new HashSet<>(List.of(terms));
    Broadcast<Set<String>> b = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(set);
    return udf((UDF1<Seq<String>, List<String>>) tokens -> {
      if (tokens == null) {
        return null;
      }
      Set<String> v = b.value();
      List<String> out = new ArrayList<>();
      var it = tokens.iterator();
      while (it.hasNext()) {
        String t = it.next();
        if (v.contains(t)) {
          out.add(t);
        }
      }
      return out;
    }, new ArrayType(DataTypes.StringType, false));
  }
}
