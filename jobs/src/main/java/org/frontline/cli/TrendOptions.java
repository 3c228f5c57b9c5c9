package org.frontline.cli;

import org.frontline.trends.SpikeDetector;
import org.frontline.trends.TrendsJob;
import picocli.CommandLine.Option;

/** Options of the trends stage, shared by {@code trends}, {@code run} and {@code nightly}. */
public final class TrendOptions {
  @Option(names = "--baseline-weeks", defaultValue = "" + SpikeDetector.DEFAULT_BASELINE_WEEKS, paramLabel = "N",
      description = "weeks before a week that form its spike baseline, 2..8 (default: ${DEFAULT-VALUE})")
  int baselineWeeks;

  @Option(names = "--spike-threshold", defaultValue = "" + SpikeDetector.DEFAULT_THRESHOLD, paramLabel = "Z",
      description = "robust z-score (median/MAD) at or above which a week is a spike (default: ${DEFAULT-VALUE})")
  double spikeThreshold;

  TrendsJob.Options toOptions() {
    return new TrendsJob.Options(baselineWeeks, spikeThreshold, null, false);
  }
}
