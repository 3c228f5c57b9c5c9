package org.frontline.ingest;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.frontline.lake.StageResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.*;

/**
 * What an ingest did: every record read ends as kept, duplicate or quarantined, overall and per input file,
 * with the breakdowns of each; the input files whose rows it replaced; and the earlier lake articles it
 * took out or may have changed (a frame of {@code doc_id, source_file, published_date} as they were, empty
 * when none): those an earlier run kept from the same files, and those it demoted to duplicates.
 */
public record IngestResult(long read, long kept, long duplicates, long quarantined,
                           Map<String, Long> duplicatesByKind, Map<String, Long> quarantinedByReason,
                           Map<String, Long> keptByDateStatus, Map<String, Long> keptByLanguage,
                           List<FileCounts> files, List<String> skippedFiles, long demoted,
                           Dataset<Row> demotedArticles) implements StageResult {

  /** One input file's counts; {@code format} says how it was read ("jsonl", "csv (compressed)"). */
  public record FileCounts(String file, String format, long read, long kept, long duplicates, long quarantined) {
    public boolean reconciled() {
      return read == kept + duplicates + quarantined;
    }
  }

  /** The input files this ingest read: their rows were replaced in every ingest table. */
  public List<String> inputFiles() {
    return files.stream().map(FileCounts::file).toList();
  }

  /** True when read = kept + duplicates + quarantined overall and for every file. */
  public boolean reconciled() {
    return read == kept + duplicates + quarantined && files.stream().allMatch(FileCounts::reconciled);
  }

  /** Kept articles with no usable publication date. */
  public long keptWithoutDate() {
    return keptByDateStatus.entrySet().stream().filter(e -> !"ok".equals(e.getKey()))
        .mapToLong(Map.Entry::getValue).sum();
  }

  @Override
  public Map<String, Object> summary() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("read", read);
    s.put("kept", kept);
    s.put("duplicates", duplicates);
    s.put("quarantined", quarantined);
    s.put("reconciled", reconciled());
    s.put("duplicates_by_kind", duplicatesByKind);
    s.put("quarantined_by_reason", quarantinedByReason);
    s.put("kept_without_date", keptWithoutDate());
    s.put("kept_by_date_status", keptByDateStatus);
    s.put("kept_by_language", keptByLanguage);
    List<Map<String, Object>> perFile = new ArrayList<>();
    for (FileCounts f : files) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", f.file());
      m.put("format", f.format());
      m.put("read", f.read());
      m.put("kept", f.kept());
      m.put("duplicates", f.duplicates());
      m.put("quarantined", f.quarantined());
      perFile.add(m);
    }
    s.put("files", perFile);
    s.put("skipped_files", skippedFiles);
    s.put("demoted", demoted);
    return s;
  }

  /**
   * Counts the classified records of an ingest (columns source_file, status, dup_kind, reason, date_status,
   * language) in one aggregation. {@code formatByFile} gives each input file's path and how it was read.
   */
  static IngestResult count(Map<String, String> formatByFile, List<String> skippedFiles, Dataset<Row> classified,
                            long demoted, Dataset<Row> demotedArticles) {
    Map<String, long[]> perFile = new TreeMap<>();
    formatByFile.keySet().forEach(f -> perFile.put(f, new long[3]));
    long[] totals = new long[3];
    Map<String, Long> byKind = new TreeMap<>();
    Map<String, Long> byReason = new TreeMap<>();
    Map<String, Long> dates = new TreeMap<>();
    Map<String, Long> languages = new TreeMap<>();
    // one aggregation for every figure: each status's own breakdown column, null under the other statuses
    Dataset<Row> keys = classified.select(col("source_file"), col("status"),
        when(col("status").equalTo("duplicate"), coalesce(col("dup_kind"), lit("null"))).as("k"),
        when(col("status").equalTo("quarantined"), coalesce(col("reason"), lit("null"))).as("r"),
        when(col("status").equalTo("kept"), coalesce(col("date_status"), lit("null"))).as("d"),
        when(col("status").equalTo("kept"), coalesce(col("language"), lit("null"))).as("l"));
    for (Row r : keys.groupBy("source_file", "status", "k", "r", "d", "l").count().collectAsList()) {
      long n = r.getLong(6);
      int status = "kept".equals(r.getString(1)) ? 0 : "duplicate".equals(r.getString(1)) ? 1 : 2;
      perFile.get(r.getString(0))[status] += n;
      totals[status] += n;
      add(byKind, r, 2, n);
      add(byReason, r, 3, n);
      add(dates, r, 4, n);
      add(languages, r, 5, n);
    }
    List<FileCounts> files = new ArrayList<>();
    perFile.forEach((f, c) -> files.add(new FileCounts(f, formatByFile.get(f), c[0] + c[1] + c[2], c[0], c[1], c[2])));
    return new IngestResult(totals[0] + totals[1] + totals[2], totals[0], totals[1], totals[2], byKind, byReason,
        dates, languages, List.copyOf(files), List.copyOf(skippedFiles), demoted, demotedArticles);
  }

  /** Adds {@code n} to the count of the value in field {@code i} of {@code r}; a null field is another status's. */
  private static void add(Map<String, Long> counts, Row r, int i, long n) {
    if (!r.isNullAt(i)) {
      counts.merge(r.get(i).toString(), n, Long::sum);
    }
  }
}
