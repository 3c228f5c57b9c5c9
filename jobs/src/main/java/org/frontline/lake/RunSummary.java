package org.frontline.lake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

import static org.apache.spark.sql.functions.*;

/**
 * The summary of one run, written as {@code LAKE/runs/<run_id>.json} and printed at the end. Its totals
 * reconcile: {@code read = kept + duplicates + quarantined}, overall and per input file.
 */
public final class RunSummary {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Map<String, Object> root = new LinkedHashMap<>();
  private final Map<String, Double> stages = new LinkedHashMap<>();
  private final Map<String, String> skipped = new LinkedHashMap<>();
  private final Instant started = Instant.now();

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  public RunSummary(String command, String lake, List<String> args) {
    root.put("run_id", STAMP.format(started) + "-" + command + "-"
        + String.format(Locale.ROOT, "%04x", ThreadLocalRandom.current().nextInt(0x10000)));
    root.put("command", command);
    root.put("arguments", args);
    root.put("lake", lake);
    root.put("started_at", started.toString());
  }

  public String runId() {
    return (String) root.get("run_id");
  }

  /** The id a run of {@code command} gets in its log's name when it failed before it had a summary. */
  public static String failedRunId(String command) {
    return STAMP.format(Instant.now()) + "-" + command + "-failed";
  }

  public long get(String key) {
    Object v = root.get(key);
    return v instanceof Number ? ((Number) v).longValue() : 0L;
  }

  /** True when read = kept + duplicates + quarantined overall and per file (or nothing was ingested). */
  public boolean reconciled() {
    return !Boolean.FALSE.equals(root.get("reconciled"));
  }

  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> files() {
    return (List<Map<String, Object>>) root.getOrDefault("files", List.of());
  }

  /** Adds a stage's own counts (e.g. {@code extract}: articles, mentions, by weapon). */
  public void section(String name, Map<String, Object> values) {
    root.put(name, values);
  }

  /** A top-level figure of the run (e.g. {@code demoted}). */
  public void put(String key, Object value) {
    root.put(key, value);
  }

  /**
   * Records that a stage did not do its work on this input, and why (e.g. {@code topics}: too few articles
   * to fit a model). The run goes on; the summary's {@code skipped} section lists every such stage.
   */
  public void skipped(String stage, String reason) {
    skipped.put(stage, reason);
  }

  public Map<String, String> skipped() {
    return Collections.unmodifiableMap(skipped);
  }

  public void stage(String name, double seconds) {
    stages.put(name, Math.round(seconds * 10) / 10.0);
  }

  /**
   * Counts the classified records of an ingest (columns source_file, status, dup_kind, reason,
   * date_status, language): a handful of small aggregations over a persisted frame. {@code formatByFile}
   * gives each input file's path and how it was read ("jsonl", "csv (compressed)").
   */
  public void addIngest(Map<String, String> formatByFile, List<String> skippedFiles, Dataset<Row> classified) {
    Map<String, Map<String, Object>> perFile = new TreeMap<>();
    for (Map.Entry<String, String> f : formatByFile.entrySet()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", f.getKey());
      m.put("format", f.getValue());
      m.put("read", 0L);
      m.put("kept", 0L);
      m.put("duplicates", 0L);
      m.put("quarantined", 0L);
      perFile.put(f.getKey(), m);
    }
    long read = 0;
    long kept = 0;
    long dups = 0;
    long quarantined = 0;
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
      Map<String, Object> m = perFile.get(r.getString(0));
      long n = r.getLong(6);
      String key = "kept".equals(r.getString(1)) ? "kept"
          : "duplicate".equals(r.getString(1)) ? "duplicates" : "quarantined";
      m.put(key, (Long) m.get(key) + n);
      m.put("read", (Long) m.get("read") + n);
      read += n;
      kept += key.equals("kept") ? n : 0;
      dups += key.equals("duplicates") ? n : 0;
      quarantined += key.equals("quarantined") ? n : 0;
      add(byKind, r, 2, n);
      add(byReason, r, 3, n);
      add(dates, r, 4, n);
      add(languages, r, 5, n);
    }
    root.put("read", read);
    root.put("kept", kept);
    root.put("duplicates", dups);
    root.put("quarantined", quarantined);
    root.put("reconciled", read == kept + dups + quarantined && perFile.values().stream().allMatch(
        m -> (Long) m.get("read") == (Long) m.get("kept") + (Long) m.get("duplicates") + (Long) m.get("quarantined")));
    root.put("duplicates_by_kind", byKind);
    root.put("quarantined_by_reason", byReason);
    root.put("kept_without_date", dates.entrySet().stream().filter(e -> !"ok".equals(e.getKey()))
        .mapToLong(Map.Entry::getValue).sum());
    root.put("kept_by_date_status", dates);
    root.put("kept_by_language", languages);
    root.put("files", new ArrayList<>(perFile.values()));
    root.put("skipped_files", skippedFiles);
  }

  /** Rows per value of {@code column} ("null" for null). */
  public static Map<String, Long> counts(Dataset<Row> rows, String column) {
    return counts(rows, new String[] {column}).get(column);
  }

  /**
   * Rows per value of each of {@code columns} ("null" for null), by one aggregation over their combinations
   * (columns of a few values each: the combinations stay few).
   */
  public static Map<String, Map<String, Long>> counts(Dataset<Row> rows, String... columns) {
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    for (String c : columns) {
      out.put(c, new TreeMap<>());
    }
    String[] rest = Arrays.copyOfRange(columns, 1, columns.length);
    for (Row r : rows.groupBy(columns[0], rest).count().collectAsList()) {
      for (int i = 0; i < columns.length; i++) {
        out.get(columns[i]).merge(r.isNullAt(i) ? "null" : r.get(i).toString(), r.getLong(columns.length),
            Long::sum);
      }
    }
    return out;
  }

  /** Adds {@code n} to the count of the value in field {@code i} of {@code r}; a null field is another status's. */
  private static void add(Map<String, Long> counts, Row r, int i, long n) {
    if (!r.isNullAt(i)) {
      counts.merge(r.get(i).toString(), n, Long::sum);
    }
  }

  /** One line with what the run's stages produced: ingest totals, mentions, events. */
  @SuppressWarnings("unchecked")
  public String totalsLine() {
    StringBuilder b = new StringBuilder();
    if (root.containsKey("read")) {
      b.append(String.format(Locale.ROOT, "read=%d kept=%d duplicates=%d quarantined=%d",
          get("read"), get("kept"), get("duplicates"), get("quarantined")));
    }
    for (String[] s : new String[][] {{"extract", "mentions"}, {"events", "events"}, {"topics", "articles_assigned"}}) {
      Object section = root.get(s[0]);
      if (section instanceof Map && ((Map<String, Object>) section).containsKey(s[1])) {
        b.append(b.length() == 0 ? "" : " ").append(s[1]).append('=').append(((Map<String, Object>) section).get(s[1]));
      }
    }
    if (!skipped.isEmpty()) {
      b.append(b.length() == 0 ? "" : " ").append("skipped=").append(String.join(",", skipped.keySet()));
    }
    return b.toString();
  }

  public String toJson() {
    Instant finished = Instant.now();
    root.put("finished_at", finished.toString());
    root.put("seconds", Math.round((finished.toEpochMilli() - started.toEpochMilli()) / 100.0) / 10.0);
    root.put("stage_seconds", stages);
    root.put("skipped", skipped);
    try {
      return JSON.writeValueAsString(root);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the summary under {@code LAKE/runs/} and returns its JSON. */
  public String write(Lake lake) {
    String json = toJson();
    lake.writeText(Tables.RUNS + "/" + runId() + ".json", json + "\n");
    return json;
  }
}
