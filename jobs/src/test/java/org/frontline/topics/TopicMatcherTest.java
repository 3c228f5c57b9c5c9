package org.frontline.topics;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class TopicMatcherTest {
  @Test
  void assignmentMaximisesTheTotalNotEachRowGreedily() {
    // greedy would pair row 0 with column 0 (0.9) and leave row 1 with 0.1; the optimum pairs 0-1 and 1-0
    double[][] w = {{0.9, 0.8}, {0.85, 0.1}};
    assertArrayEquals(new int[] {1, 0}, TopicMatcher.maximumAssignment(w));
  }

  @Test
  void rectangularMatricesLeaveRowsOrColumnsUnpaired() {
    assertArrayEquals(new int[] {1, -1, 0}, TopicMatcher.maximumAssignment(new double[][] {
        {0.1, 0.9}, {0.2, 0.3}, {0.7, 0.4}}));
    assertArrayEquals(new int[] {2}, TopicMatcher.maximumAssignment(new double[][] {{0.1, 0.2, 0.6}}));
    assertArrayEquals(new int[] {-1, -1}, TopicMatcher.maximumAssignment(new double[][] {{}, {}}));
  }

  @Test
  void matchedTopicsKeepTheirIdsNewOnesGetIdsNeverIssued() {
    Map<String, Double> talks = Map.of("talks", 3.0, "ceasefire", 2.0, "envoy", 1.0);
    Map<String, Double> drones = Map.of("drone", 3.0, "shahed", 2.0, "air defence", 1.0);
    Map<String, Double> grain = Map.of("grain", 3.0, "port", 2.0, "export", 1.0);
    Map<String, Double> energy = Map.of("power", 3.0, "grid", 2.0, "blackout", 1.0);
    // known: 7 = talks, 9 = drones; id 8 vanished earlier; the next id never issued is 10
    int[] ids = TopicMatcher.match(
        List.of(Map.of("drone", 2.5, "shahed", 2.0, "launch", 1.0), grain,
            Map.of("talks", 3.0, "ceasefire", 1.0), energy),
        List.of(talks, drones), List.of(7, 9), 10, 0.3);
    assertArrayEquals(new int[] {9, 10, 7, 11}, ids);
  }

  @Test
  void aWeakBestMatchIsNoMatch() {
    Map<String, Double> a = Map.of("talks", 1.0, "drone", 0.1);
    Map<String, Double> b = Map.of("drone", 1.0, "talks", 0.1);
    assertTrue(TopicMatcher.cosine(a, b) < 0.3);
    assertArrayEquals(new int[] {5}, TopicMatcher.match(List.of(a), List.of(b), List.of(1), 5, 0.3));
    assertEquals(1.0, TopicMatcher.cosine(a, a), 1e-12);
    assertEquals(0.0, TopicMatcher.cosine(a, Map.of()), 0.0);
  }
}
