package org.frontline.generate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** data/sample is exactly what data/sample/GENERATE says, so the generator can re-create it. */
class SampleCorpusTest {
  @Test
  void theCommittedSampleIsTheGeneratorsOutput(@TempDir Path dir) throws Exception {
    Path sample = Path.of(System.getProperty("frontline.repo", "..")).resolve("data/sample");
    new CorpusGenerator(SampleCorpus.options(dir)).write();
    try (var files = Files.walk(sample.resolve("corpus"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path mine = dir.resolve(sample.relativize(f));
        assertEquals(-1, Files.mismatch(f, mine), "differs: " + f);
      }
    }
    assertEquals(-1, Files.mismatch(sample.resolve("truth.jsonl"), dir.resolve("truth.jsonl")));
    long bytes;
    try (var files = Files.walk(sample)) {
      bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
    assertTrue(bytes <= 2 * 1024 * 1024, "sample is " + bytes + " bytes");
  }
}
