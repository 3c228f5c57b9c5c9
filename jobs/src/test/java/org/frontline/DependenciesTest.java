package org.frontline;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Data flows one way: the stages (ingest → extract → events → topics → trends → report) use the lake and the
 * common helpers; the pipelines compose the stages; the cli and the benchmark run the pipelines. A source
 * file that names a package above its own, by import or by a qualified name, fails here.
 */
class DependenciesTest {
  /** Each layer, and the packages it must not name. */
  private static final Map<List<String>, String> FORBIDDEN = Map.of(
      List.of("lake", "common"), "ingest|extract|events|topics|trends|report|pipeline|cli|bench|generate",
      List.of("ingest", "extract", "events", "topics", "trends", "report", "export"), "pipeline|cli|bench",
      List.of("pipeline"), "cli|bench");

  @Test
  void noPackageNamesALayerAboveIt() throws IOException {
    Path main = SparkTest.repo().resolve("jobs/src/main/java/org/frontline");
    List<String> backEdges = new ArrayList<>();
    int files = 0;
    for (Map.Entry<List<String>, String> layer : FORBIDDEN.entrySet()) {
      Pattern above = Pattern.compile("\\borg\\.frontline\\.(" + layer.getValue() + ")\\b");
      for (String base : layer.getKey()) {
        try (Stream<Path> sources = Files.walk(main.resolve(base))) {
          for (Path f : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
            files++;
            List<String> lines = Files.readAllLines(f);
            for (int i = 0; i < lines.size(); i++) {
              Matcher m = above.matcher(lines.get(i));
              if (m.find()) {
                backEdges.add(main.relativize(f) + ":" + (i + 1) + " names " + m.group());
              }
            }
          }
        }
      }
    }
    assertTrue(files >= 60, "sources found: " + files);
    assertEquals(List.of(), backEdges, "a package depends on a layer above it");
  }
}
