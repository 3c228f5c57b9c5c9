package org.frontline.topics;

import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

import static org.apache.spark.sql.functions.col;

/**
 * A topic model's fit sample held in the driver, in {@code doc_id} order: per document its (reduced) vector,
 * its term counts (vocabulary index and count) and its single-word vocabulary tokens in order. A fit is held
 * in the driver when its documents × dimensions are at most {@link #MAX_VALUES} (the default fit sample,
 * at most 50,000 × 50, is 2.5 million values, about 20 MB of vectors); a larger one stays distributed.
 */
public final class FitSample {
  /** The most vector values (documents × dimensions) a fit holds in the driver: 40 MB of doubles. */
  public static final long MAX_VALUES = 5_000_000;

  private final String[] ids;
  private final double[][] vectors;
  private final int[][] countIndex;
  private final int[][] countValue;
  private final String[][] tokens;

  private FitSample(String[] ids, double[][] vectors, int[][] countIndex, int[][] countValue, String[][] tokens) {
    this.ids = ids;
    this.vectors = vectors;
    this.countIndex = countIndex;
    this.countValue = countValue;
    this.tokens = tokens;
  }

  /** Whether a fit of {@code docs} vectors of {@code dims} dimensions is held in the driver. */
  public static boolean fits(long docs, int dims) {
    return dims > 0 && docs * dims <= MAX_VALUES;
  }

  /**
   * Brings the fit documents to the driver. The tokens travel as vocabulary indices ({@code vocabulary}'s
   * full term list) and become references to its terms here, so no string is copied per token.
   *
   * @param docs       one row per document: {@code doc_id}, {@code vectorsCol}, {@code countsCol} and
   *                   {@code tokensCol} (array of vocabulary terms)
   * @param vocabulary the model's full vocabulary (the count vectors' indices)
   */
  public static FitSample collect(Dataset<Row> docs, String vectorsCol, String countsCol, String tokensCol,
                                  Vocabulary vocabulary) {
    List<String> ids = new ArrayList<>();
    List<double[]> vectors = new ArrayList<>();
    List<int[]> countIndex = new ArrayList<>();
    List<int[]> countValue = new ArrayList<>();
    List<String[]> tokens = new ArrayList<>();
    // one partition at a time, each row reduced to arrays at once: the driver never holds the rows themselves
    Iterator<Row> rows = docs.select(col("doc_id"), col(vectorsCol), col(countsCol),
        vocabulary.packedIndices(docs.sparkSession()).apply(col(tokensCol))).toLocalIterator();
    while (rows.hasNext()) {
      Row r = rows.next();
      ids.add(r.getString(0));
      vectors.add(((Vector) r.get(1)).toArray());
      SparseVector counts = ((Vector) r.get(2)).toSparse();
      countIndex.add(counts.indices());
      int[] values = new int[counts.values().length];
      for (int e = 0; e < values.length; e++) {
        values[e] = (int) Math.round(counts.values()[e]);
      }
      countValue.add(values);
      ByteBuffer packed = ByteBuffer.wrap(r.isNullAt(3) ? new byte[0] : r.getAs(3));
      String[] t = new String[packed.remaining() / 4];
      for (int i = 0; i < t.length; i++) {
        t[i] = vocabulary.term(packed.getInt());
      }
      tokens.add(t);
    }
    // doc_id order: the fit does not depend on the order partitions arrive in
    Integer[] order = new Integer[ids.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparing(ids::get));
    int n = order.length;
    FitSample s = new FitSample(new String[n], new double[n][], new int[n][], new int[n][], new String[n][]);
    for (int i = 0; i < n; i++) {
      s.ids[i] = ids.get(order[i]);
      s.vectors[i] = vectors.get(order[i]);
      s.countIndex[i] = countIndex.get(order[i]);
      s.countValue[i] = countValue.get(order[i]);
      s.tokens[i] = tokens.get(order[i]);
    }
    return s;
  }

  /** For tests: documents given directly, in the order given. */
  static FitSample of(String[] ids, double[][] vectors, int[][] countIndex, int[][] countValue,
                      String[][] tokens) {
    return new FitSample(ids, vectors, countIndex, countValue, tokens);
  }

  public int size() {
    return ids.length;
  }

  public String id(int doc) {
    return ids[doc];
  }

  /** The documents' vectors (shared, not copied). */
  public double[][] vectors() {
    return vectors;
  }

  /** Document {@code doc}'s vocabulary indices with a non-zero count, ascending. */
  public int[] countIndex(int doc) {
    return countIndex[doc];
  }

  /** Document {@code doc}'s counts, aligned with {@link #countIndex(int)}. */
  public int[] countValue(int doc) {
    return countValue[doc];
  }

  /** Document {@code doc}'s single-word vocabulary tokens, in order. */
  public List<String> tokens(int doc) {
    return Collections.unmodifiableList(Arrays.asList(tokens[doc]));
  }
}
