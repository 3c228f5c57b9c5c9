package org.frontline.generate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * The sample corpus committed under {@code data/sample/}: 800 records in three formats, seed 2026, eight
 * weeks from 5 January 2026. Same as {@code frontline generate --articles 800 --seed 2026 --parts 3
 * --formats jsonl,csv,jsonl.gz --start 2026-01-05 --days 56 --out data/sample}.
 */
public final class SampleCorpus {
  private SampleCorpus() {}

  public static CorpusGenerator.Options options(Path out) {
    return new CorpusGenerator.Options(800, 2026, out, 3, List.of("jsonl", "csv", "jsonl.gz"),
        LocalDate.parse("2026-01-05"), 56);
  }
}
