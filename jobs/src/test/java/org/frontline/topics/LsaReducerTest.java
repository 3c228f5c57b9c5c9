package org.frontline.topics;

import dev.ludovic.netlib.blas.BLAS;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.mllib.linalg.distributed.RowMatrix;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.frontline.SparkTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The randomized solver against the exact one on a sparse matrix with a known spectrum, and its
 * reproducibility; RandomizedSvd's dense helpers against their definitions.
 */
class LsaReducerTest extends SparkTest {
  static final int TERMS = 400;
  static final int TOPICS = 8;
  static Dataset<Row> docs;

  /**
   * 3,000 sparse documents over 400 terms: each mixes two of eight "topics" (disjoint blocks of 40 terms,
   * geometrically weaker from the first to the last) plus sparse noise, L2-normalised like TF-IDF. The top
   * eight singular directions are the topic blocks; a clear gap separates them from the noise.
   */
  @BeforeAll
  static void matrix() {
    Random r = new Random(7);
    List<Row> rows = new ArrayList<>();
    for (int d = 0; d < 3000; d++) {
      double[] x = new double[TERMS];
      for (int pick = 0; pick < 2; pick++) {
        int topic = r.nextInt(TOPICS);
        double weight = Math.pow(0.8, topic);
        for (int w = 0; w < 12; w++) {
          x[topic * 40 + r.nextInt(40)] += weight * (0.5 + r.nextDouble());
        }
      }
      for (int w = 0; w < 6; w++) {
        x[r.nextInt(TERMS)] += 0.15 * r.nextDouble();
      }
      double norm = Math.sqrt(Arrays.stream(x).map(v -> v * v).sum());
      rows.add(RowFactory.create(Vectors.dense(Arrays.stream(x).map(v -> v / norm).toArray()).toSparse()));
    }
    docs = spark().createDataFrame(rows, new StructType().add("features", SQLDataTypes.VectorType()))
        .repartition(4).cache();
  }

  /** |cos| of the principal angles between the column spans of two terms × k matrices, smallest first. */
  static double[] principalCosines(Matrix a, Matrix b) {
    int k = a.numCols();
    int t = a.numRows();
    double[] m = new double[k * k];
    BLAS.getInstance().dgemm("T", "N", k, k, t, 1.0, a.toDense().toArray(), t,
        b.toDense().toArray(), t, 0.0, m, k);
    double[] mtm = new double[k * k];
    BLAS.getInstance().dgemm("T", "N", k, k, k, 1.0, m, k, m, k, 0.0, mtm, k);
    return Arrays.stream(RandomizedSvd.symmetricEigen(mtm, k)).map(e -> Math.sqrt(Math.max(0, e))).toArray();
  }

  @Test
  void randomizedSpansTheSameSubspaceAsTheExactDecomposition() {
    Matrix exact = new LsaReducer().setDims(TOPICS).fit(docs).getComponents(); // 400 terms: local Gramian
    Matrix arpack = new LsaReducer().setDims(TOPICS).setSolver("arpack").fit(docs).getComponents();
    Matrix randomized = new LsaReducer().setDims(TOPICS).setSolver("randomized") // default oversampling, passes
        .fit(docs).getComponents();
    assertEquals(TERMS, randomized.numRows());
    assertEquals(TOPICS, randomized.numCols());
    double[] vsExact = principalCosines(exact, randomized);
    double[] arpackVsExact = principalCosines(exact, arpack);
    assertTrue(vsExact[0] > 0.9999, "randomized vs exact: " + Arrays.toString(vsExact));
    assertTrue(arpackVsExact[0] > 0.9999, "arpack vs exact: " + Arrays.toString(arpackVsExact));
    // orthonormal columns
    double[] self = principalCosines(randomized, randomized);
    for (double c : self) {
      assertEquals(1.0, c, 1e-9);
    }
    // not only the span: the strongest direction itself (the corpus-wide mean direction of non-negative data,
    // well separated from the next) is the exact one up to sign
    double cos = 0;
    for (int t = 0; t < TERMS; t++) {
      cos += randomized.apply(t, 0) * exact.apply(t, 0);
    }
    assertEquals(1.0, Math.abs(cos), 1e-6);
  }

  @Test
  void singularValuesAreThoseOfTheExactDecomposition() {
    JavaRDD<org.apache.spark.mllib.linalg.Vector> rows = docs.toJavaRDD()
        .map(r -> org.apache.spark.mllib.linalg.Vectors.fromML((Vector) r.get(0))).cache();
    double[] exact = new RowMatrix(rows.rdd())
        .computeSVD(TOPICS, false, 1e-9, 300, 1e-10, "local-eigs").s().toArray();
    RandomizedSvd.Result r = RandomizedSvd.compute(rows, TERMS, TOPICS, 50, 8, 42L);
    assertEquals(TERMS * TOPICS, r.v().length);
    for (int i = 0; i < TOPICS; i++) {
      assertEquals(exact[i], r.values()[i], 1e-6 * exact[0], "singular value " + i);
    }
    rows.unpersist();
  }

  @Test
  void onePassIsOnlyTheRandomStartAndConvergesWithMore() {
    Matrix exact = new LsaReducer().setDims(TOPICS).fit(docs).getComponents();
    double one = principalCosines(exact, new LsaReducer().setDims(TOPICS).setSolver("randomized")
        .setOversampling(0).setPasses(1).fit(docs).getComponents())[0];
    double three = principalCosines(exact, new LsaReducer().setDims(TOPICS).setSolver("randomized")
        .setOversampling(0).setPasses(3).fit(docs).getComponents())[0];
    assertTrue(one < 0.9, "one pass, no oversampling, should still be far off: " + one);
    assertTrue(three > one, one + " -> " + three);
  }

  @Test
  void theSameRowsGiveTheSameComponentsToTheLastBit() {
    LsaReducer r = new LsaReducer().setDims(TOPICS).setSolver("randomized").setSeed(11L);
    double[] first = r.fit(docs).getComponents().toArray();
    double[] second = r.fit(docs).getComponents().toArray();
    assertArrayEquals(first, second, 0.0);
    double[] otherSeed = new LsaReducer().setDims(TOPICS).setSolver("randomized").setSeed(12L).fit(docs)
        .getComponents().toArray();
    assertFalse(Arrays.equals(first, otherSeed));
  }

  @Test
  void projectionIsUnitLengthAndParamsPersist(@TempDir Path dir) throws Exception {
    LsaReducer r = new LsaReducer().setDims(5).setSolver("randomized").setPasses(3).setOversampling(7).setSeed(5L);
    LsaModel model = r.fit(docs);
    for (Row row : model.transform(docs).select("reduced").limit(20).collectAsList()) {
      Vector v = row.getAs(0);
      assertEquals(5, v.size());
      assertEquals(1.0, Vectors.norm(v, 2), 1e-9);
    }
    String path = dir.resolve("lsa").toString();
    r.save(path);
    LsaReducer back = LsaReducer.load(path);
    assertEquals("randomized", back.getOrDefault(back.solver()));
    assertEquals(3, (int) (Integer) back.getOrDefault(back.passes()));
    assertEquals(7, (int) (Integer) back.getOrDefault(back.oversampling()));
    assertEquals(5L, (long) (Long) back.getOrDefault(back.seed()));
    assertThrows(IllegalArgumentException.class, () -> new LsaReducer().setSolver("lanczos"));
    // the fitted model keeps its components and projects the same
    String modelPath = dir.resolve("lsa-model").toString();
    model.save(modelPath);
    LsaModel loaded = LsaModel.load(modelPath);
    assertEquals(model.uid(), loaded.uid());
    assertArrayEquals(model.getComponents().toArray(), loaded.getComponents().toArray(), 0.0);
    assertEquals(model.transform(docs).select("reduced").limit(20).collectAsList(),
        loaded.transform(docs).select("reduced").limit(20).collectAsList());
  }

  @Test
  void orthonormalizeAndEigenMatchTheirDefinitions() {
    Random r = new Random(3);
    int rows = 30;
    int cols = 4;
    double[] a = new double[rows * cols];
    for (int i = 0; i < a.length; i++) {
      a[i] = r.nextGaussian();
    }
    double[] original = a.clone();
    RandomizedSvd.orthonormalize(a, rows, cols);
    for (int i = 0; i < cols; i++) {
      for (int j = 0; j < cols; j++) {
        double dot = 0;
        for (int t = 0; t < rows; t++) {
          dot += a[i * rows + t] * a[j * rows + t];
        }
        assertEquals(i == j ? 1.0 : 0.0, dot, 1e-12);
      }
    }
    // same span: the first original column lies in the first basis vector's direction
    double dot = 0;
    double norm = 0;
    for (int t = 0; t < rows; t++) {
      dot += original[t] * a[t];
      norm += original[t] * original[t];
    }
    assertEquals(1.0, Math.abs(dot) / Math.sqrt(norm), 1e-12);
    // [[2, 1], [1, 2]] has eigenvalues 1 and 3
    double[] m = {2, 1, 1, 2};
    double[] ev = RandomizedSvd.symmetricEigen(m, 2);
    assertEquals(1.0, ev[0], 1e-12);
    assertEquals(3.0, ev[1], 1e-12);
    assertEquals(Math.abs(m[2]), Math.abs(m[3]), 1e-12); // eigenvector of 3: (1, 1) / √2
    double[] t = RandomizedSvd.transpose(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
    assertArrayEquals(new double[] {1, 3, 5, 2, 4, 6}, t, 0.0);
  }
}
