package org.frontline.cli;

import org.frontline.ingest.IngestJob;
import org.frontline.ingest.InputFiles.Format;
import org.frontline.ingest.NearDuplicateMarker;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Options of the ingest stage, shared by {@code ingest}, {@code run} and later {@code nightly}. */
public final class IngestOptions {
  @Option(names = {"-i", "--input"}, required = true, arity = "1..*", paramLabel = "PATH",
      description = "input files, directories or globs (JSONL, CSV, Parquet, TXT; .gz/.bz2 too)")
  List<String> inputs;

  @Option(names = "--format", description = "force the input format: ${COMPLETION-CANDIDATES}")
  Format format;

  @Option(names = "--map", paramLabel = "FIELD=COLUMN",
      description = "take a field from a named column: id, title, text (comma-separated columns), published,"
          + " source, url")
  Map<String, String> mapping = new LinkedHashMap<>();

  @Option(names = "--max-record-bytes", defaultValue = "" + IngestJob.Options.DEFAULT_MAX_RECORD_BYTES,
      description = "larger records are quarantined (default: ${DEFAULT-VALUE})")
  long maxRecordBytes;

  @Option(names = "--near-duplicate-similarity", defaultValue = "" + NearDuplicateMarker.DEFAULT_MIN_SIMILARITY,
      description = "least Jaccard similarity of word 3-gram sets for a near duplicate (default: ${DEFAULT-VALUE})")
  double nearSimilarity;

  @Option(names = "--lake-window-days", defaultValue = "" + IngestJob.Options.DEFAULT_LAKE_WINDOW_DAYS,
      description = "new articles are compared with lake articles published this many days around them"
          + " (default: ${DEFAULT-VALUE})")
  int lakeWindowDays;

  IngestJob.Options toOptions() {
    return new IngestJob.Options(inputs, format, mapping, maxRecordBytes, nearSimilarity, lakeWindowDays);
  }
}
