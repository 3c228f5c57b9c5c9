package org.frontline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.frontline.SparkTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A run summary compared with a golden copy under {@code src/test/resources/frontline/summaries/}: every key
 * in order and every value, except what differs from run to run (ids, clocks, seconds, the temporary
 * directory). {@code -Dfrontline.golden.write=true} writes the golden copy instead of comparing.
 */
final class SummaryGolden {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final List<String> VOLATILE = List.of("run_id", "started_at", "finished_at", "seconds");

  private SummaryGolden() {}

  /** The one summary under {@code lake/runs} written by {@code command} (and, for nightly, of that night). */
  static JsonNode read(Path lake, String command, String night) throws IOException {
    List<JsonNode> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(lake.resolve("runs"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        JsonNode n = JSON.readTree(f.toFile());
        if (n.path("command").asText().equals(command)
            && (night == null || n.path("night").asText().equals(night))) {
          found.add(n);
        }
      }
    }
    if (found.isEmpty()) {
      throw new AssertionError("no " + command + " summary under " + lake.resolve("runs"));
    }
    return found.get(0);
  }

  /** The summary without what differs between two runs of the same input. */
  static JsonNode normalize(JsonNode summary, Path dir) {
    ObjectNode n = summary.deepCopy();
    VOLATILE.forEach(n::remove);
    ObjectNode stages = (ObjectNode) n.get("stage_seconds");
    if (stages != null) {
      List<String> names = new ArrayList<>();
      stages.fieldNames().forEachRemaining(names::add);
      names.forEach(k -> stages.put(k, 0.0));
    }
    if (n.get("report") instanceof ObjectNode report && report.has("html_bytes")) {
      report.put("html_bytes", 0L); // the report names its lake, whose temporary path varies in length
      if (report.get("span") instanceof ObjectNode span) {
        span.put("html_bytes", 0L);
      }
    }
    JsonNode out = paths(n, dir.toUri().getPath().replaceAll("/+$", ""), "<dir>");
    return paths(out, SparkTest.repo().toUri().getPath().replaceAll("/+$", ""), "<repo>");
  }

  /** Every text value with the directory's path replaced by {@code as}. */
  private static JsonNode paths(JsonNode n, String dir, String as) {
    if (n.isTextual()) {
      return new TextNode(n.asText().replace("file:" + dir, as).replace(dir, as));
    }
    if (n.isArray()) {
      ArrayNode a = JSON.createArrayNode();
      n.forEach(x -> a.add(paths(x, dir, as)));
      return a;
    }
    if (n.isObject()) {
      ObjectNode o = JSON.createObjectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        o.set(e.getKey(), paths(e.getValue(), dir, as));
      }
      return o;
    }
    return n;
  }

  /** Asserts the normalised summary equals the golden copy {@code name}.json, key order included. */
  static void check(JsonNode summary, Path dir, String name) throws IOException {
    String actual = JSON.writeValueAsString(normalize(summary, dir)) + "\n";
    Path golden = SparkTest.repo().resolve("jobs/src/test/resources/frontline/summaries/" + name + ".json");
    if (Boolean.getBoolean("frontline.golden.write")) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
      return;
    }
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual,
        "the run summary " + name + " differs from its golden copy (" + golden + ")");
  }
}
