package org.frontline.bench;

import org.frontline.bench.StageMeter.Window;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BenchmarkTest {
  @Test
  void theBaselineIsTheScanOfMedianDuration() {
    // a slow first scan (cold files, a JIT not yet warm) and a host's swing do not set the ratio
    assertEquals(17.0, Benchmark.median(List.of(scan(26.4), scan(16.0), scan(17.0))).seconds());
    assertEquals(9.1, Benchmark.median(List.of(scan(9.1))).seconds());
    assertEquals(3, Benchmark.BASELINE_RUNS);
  }

  private static Window scan(double seconds) {
    return new Window("baseline", seconds, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, List.of());
  }
}
