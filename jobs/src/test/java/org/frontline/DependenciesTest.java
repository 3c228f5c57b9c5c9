package org.frontline;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Data flows one way: the stages (ingest → extract → events → topics → trends → report, and the cli, bench
 * and generate around them) use the lake and the common helpers, never the other way. A source file of
 * {@code lake} or {@code common} that names a stage package, by import or by a qualified name, fails here.
 */
class DependenciesTest {
  private static final Pattern STAGE = Pattern.compile(
      "\\borg\\.frontline\\.(ingest|extract|events|topics|trends|report|cli|bench|generate)\\b");

  @Test
  void lakeAndCommonNameNoStage() throws IOException {
    Path main = SparkTest.repo().resolve("jobs/src/main/java/org/frontline");
    List<String> backEdges = new ArrayList<>();
    int files = 0;
    for (String base : List.of("lake", "common")) {
      try (Stream<Path> sources = Files.walk(main.resolve(base))) {
        for (Path f : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
          files++;
          List<String> lines = Files.readAllLines(f);
          for (int i = 0; i < lines.size(); i++) {
            Matcher m = STAGE.matcher(lines.get(i));
            if (m.find()) {
              backEdges.add(main.relativize(f) + ":" + (i + 1) + " names " + m.group());
            }
          }
        }
      }
    }
    assertTrue(files >= 10, "lake and common sources found: " + files);
    assertEquals(List.of(), backEdges, "lake and common must not depend on a stage");
  }
}
