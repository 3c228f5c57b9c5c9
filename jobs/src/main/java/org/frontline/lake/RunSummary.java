package org.frontline.lake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
  private final Map<Class<?>, StageResult> results = new LinkedHashMap<>();
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

  /**
   * Records the result of {@code stage}: its summary entries, its skip reason if any, and the result itself,
   * which later stages and callers read back by type with {@link #result}.
   */
  public synchronized void add(String stage, StageResult result) {
    root.putAll(result.summary());
    result.skipped().ifPresent(reason -> skipped.put(stage, reason));
    results.put(result.getClass(), result);
  }

  /**
   * Makes a stage's result readable by {@link #result} before it is {@link #add}ed: stages that run side by
   * side finish in any order, and their summary entries are added in pipeline order once all are done.
   */
  public synchronized void offer(StageResult result) {
    results.put(result.getClass(), result);
  }

  /** The result of the stage that returned a {@code type} in this run, if it ran. */
  public synchronized <T extends StageResult> Optional<T> result(Class<T> type) {
    return results.entrySet().stream().filter(e -> type.isAssignableFrom(e.getKey()))
        .map(e -> type.cast(e.getValue())).reduce((a, b) -> b);
  }

  /** True when read = kept + duplicates + quarantined overall and per file (or nothing was ingested). */
  public boolean reconciled() {
    return !Boolean.FALSE.equals(root.get("reconciled"));
  }

  /** A top-level figure of the run (e.g. {@code demoted}). */
  public synchronized void put(String key, Object value) {
    root.put(key, value);
  }

  public Map<String, String> skipped() {
    return Collections.unmodifiableMap(skipped);
  }

  public synchronized void stage(String name, double seconds) {
    stages.put(name, Math.round(seconds * 10) / 10.0);
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

  /** One line with what the run's stages produced: ingest totals, mentions, events. */
  @SuppressWarnings("unchecked")
  public String totalsLine() {
    StringBuilder b = new StringBuilder();
    if (root.containsKey("read")) {
      b.append(String.format(Locale.ROOT, "read=%d kept=%d duplicates=%d quarantined=%d",
          root.get("read"), root.get("kept"), root.get("duplicates"), root.get("quarantined")));
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

  /** The summary as the JSON written to {@code LAKE/runs/} (what a notebook cell shows). */
  @Override
  public String toString() {
    return toJson();
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
