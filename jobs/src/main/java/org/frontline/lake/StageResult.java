package org.frontline.lake;

import java.util.Map;
import java.util.Optional;

/**
 * What one stage of a run did, as a typed record of its own (for example {@code IngestResult}): its figures
 * for the run summary and, when it did not do its work on this input, why.
 */
public interface StageResult {
  /**
   * The entries this result adds to the run summary, in order. Most stages add one section under their own
   * name; ingest adds the run's top-level totals.
   */
  Map<String, Object> summary();

  /** Why the stage did not do its work on this input (the summary's {@code skipped} section); empty: it did. */
  default Optional<String> skipped() {
    return Optional.empty();
  }

  /** A one-section summary: {@code {name: section}}. */
  static Map<String, Object> section(String name, Map<String, Object> section) {
    return Map.of(name, section);
  }
}
