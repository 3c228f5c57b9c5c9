package org.frontline.topics;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/** Cosine k-means in the driver, on vectors made here: no Spark. */
class LocalKMeansTest {
  /** {@code perCluster} noisy copies of each of {@code directions}' unit axes, in a shuffled order. */
  private static double[][] blobs(int directions, int perCluster, int dims, long seed, int[] truth) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = directions * perCluster;
    double[][] x = new double[n][];
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    for (int i = 0; i < n; i++) {
      int c = order[i] / perCluster;
      double[] v = new double[dims];
      for (int d = 0; d < dims; d++) {
        v[d] = 0.15 * (r.nextDouble() - 0.5);
      }
      v[c] += 1 + r.nextDouble(); // lengths differ: only directions count
      x[i] = v;
      truth[i] = c;
    }
    return x;
  }

  @Test
  void separatedDirectionsAreFoundWhateverTheirLengths() {
    int[] truth = new int[400];
    double[][] x = blobs(4, 100, 8, 7, truth);
    LocalKMeans.Result r = LocalKMeans.fit(x, 4, 42, 50);
    assertEquals(4, r.centers().length);
    // one cluster per direction: the mapping cluster → direction is a bijection
    int[] directionOf = new int[4];
    Arrays.fill(directionOf, -1);
    for (int i = 0; i < x.length; i++) {
      int c = r.assignment()[i];
      if (directionOf[c] < 0) {
        directionOf[c] = truth[i];
      }
      assertEquals(directionOf[c], truth[i], "vector " + i);
    }
    assertEquals(4, Arrays.stream(directionOf).distinct().count());
    for (double[] c : r.centers()) {
      assertEquals(1.0, Math.sqrt(Arrays.stream(c).map(v -> v * v).sum()), 1e-9);
    }
    // the cost is the sum of 1 - cos to the assigned centre
    double cost = 0;
    for (int i = 0; i < x.length; i++) {
      double[] c = r.centers()[r.assignment()[i]];
      double dot = 0;
      double norm = 0;
      for (int d = 0; d < c.length; d++) {
        dot += x[i][d] * c[d];
        norm += x[i][d] * x[i][d];
      }
      cost += 1 - dot / Math.sqrt(norm);
    }
    assertEquals(cost, r.cost(), 1e-9);
    assertTrue(r.cost() < 0.05 * x.length, "cost " + r.cost());
    assertTrue(r.iterations() >= 1 && r.iterations() <= 50);
  }

  @Test
  void theSameSeedGivesTheSameModelAndAnotherSeedMayNot() {
    int[] truth = new int[300];
    double[][] x = blobs(3, 100, 6, 11, truth);
    LocalKMeans.Result a = LocalKMeans.fit(x, 7, 5, 50);
    LocalKMeans.Result b = LocalKMeans.fit(x, 7, 5, 50);
    assertArrayEquals(a.assignment(), b.assignment());
    assertEquals(a.cost(), b.cost());
    assertTrue(Arrays.deepEquals(a.centers(), b.centers()));
  }

  @Test
  void fewerDistinctVectorsThanKGiveFewerCentres() {
    double[][] x = new double[20][];
    for (int i = 0; i < x.length; i++) {
      x[i] = i % 2 == 0 ? new double[] {1, 0} : new double[] {0, 2};
    }
    LocalKMeans.Result r = LocalKMeans.fit(x, 5, 1, 10);
    assertEquals(2, r.centers().length);
    assertEquals(0.0, r.cost(), 1e-12);
    for (int i = 2; i < x.length; i++) {
      assertEquals(r.assignment()[i % 2], r.assignment()[i]);
    }
    assertNotEquals(r.assignment()[0], r.assignment()[1]);
  }

  @Test
  void rejectsAKBeyondTheVectors() {
    double[][] x = {{1, 0}, {0, 1}};
    assertThrows(IllegalArgumentException.class, () -> LocalKMeans.fit(x, 3, 1, 10));
    assertThrows(IllegalArgumentException.class, () -> LocalKMeans.fit(x, 0, 1, 10));
    assertThrows(IllegalArgumentException.class, () -> LocalKMeans.fit(x, 2, 1, 0));
  }
}
