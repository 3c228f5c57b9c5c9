package org.frontline.topics;

import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.Comparator;
import java.util.List;

import static org.apache.spark.sql.functions.col;

/**
 * A topic model's fit sample held in the driver, in {@code doc_id} order: per document its (reduced) vector,
 * its term counts (vocabulary index and count) and its single-word vocabulary tokens in order. At most
 * {@link #MAX_DOCS} documents of at most {@link #MAX_DIMS} dimensions are held (the default fit sample,
 * 50,000 × 50, is about 20 MB of vectors); a larger fit stays distributed.
 */
public final class FitSample {
  /** The most documents a fit holds in the driver. */
  public static final long MAX_DOCS = 200_000;
  /** The most vector dimensions a fit holds in the driver (dense). */
  public static final int MAX_DIMS = 500;

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
    return docs <= MAX_DOCS && dims > 0 && dims <= MAX_DIMS;
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
    List<Row> rows = docs.select(col("doc_id"), col(vectorsCol), col(countsCol),
            vocabulary.indexOf(docs.sparkSession()).apply(col(tokensCol)))
        .collectAsList().stream().sorted(Comparator.comparing(r -> r.getString(0))).toList();
    int n = rows.size();
    String[] ids = new String[n];
    double[][] vectors = new double[n][];
    int[][] countIndex = new int[n][];
    int[][] countValue = new int[n][];
    String[][] tokens = new String[n][];
    for (int i = 0; i < n; i++) {
      Row r = rows.get(i);
      ids[i] = r.getString(0);
      vectors[i] = ((Vector) r.get(1)).toArray();
      SparseVector counts = ((Vector) r.get(2)).toSparse();
      countIndex[i] = counts.indices();
      countValue[i] = new int[counts.values().length];
      for (int e = 0; e < countValue[i].length; e++) {
        countValue[i][e] = (int) Math.round(counts.values()[e]);
      }
      List<Integer> at = r.getList(3);
      tokens[i] = new String[at.size()];
      for (int t = 0; t < tokens[i].length; t++) {
        tokens[i][t] = vocabulary.term(at.get(t));
      }
    }
    return new FitSample(ids, vectors, countIndex, countValue, tokens);
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
    return List.of(tokens[doc]);
  }
}
