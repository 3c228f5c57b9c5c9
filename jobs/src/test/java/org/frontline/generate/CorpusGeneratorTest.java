package org.frontline.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class CorpusGeneratorTest {
  static CorpusGenerator.Counts generate(Path out, long n, long seed) throws Exception {
    return new CorpusGenerator(new CorpusGenerator.Options(n, seed, out, 2, List.of("jsonl", "csv"),
        LocalDate.parse("2026-02-01"), 14)).write();
  }

  @Test
  void sameSeedSameBytesOtherSeedOtherCorpus(@TempDir Path dir) throws Exception {
    generate(dir.resolve("a"), 300, 9);
    generate(dir.resolve("b"), 300, 9);
    generate(dir.resolve("c"), 300, 10);
    for (String f : List.of("corpus/part-00000.jsonl", "corpus/part-00001.csv", "truth.jsonl")) {
      assertEquals(-1, Files.mismatch(dir.resolve("a").resolve(f), dir.resolve("b").resolve(f)), f);
      assertNotEquals(-1, Files.mismatch(dir.resolve("a").resolve(f), dir.resolve("c").resolve(f)), f);
    }
  }

  @Test
  void truthDescribesEveryRecordAndTheMixIsRealistic(@TempDir Path dir) throws Exception {
    CorpusGenerator.Counts c = generate(dir, 2000, 4);
    List<String> truth = Files.readAllLines(dir.resolve("truth.jsonl"));
    assertEquals(2000, truth.size());
    ObjectMapper json = new ObjectMapper();
    int strikes = 0;
    int national = 0;
    int qualified = 0;
    for (String line : truth) {
      JsonNode t = json.readTree(line);
      if ("strike".equals(t.get("kind").asText()) && "kept".equals(t.get("expected_status").asText())) {
        strikes++;
        for (JsonNode e : t.get("events")) {
          national += e.get("region_iso").isNull() && e.get("place").isNull() ? 1 : 0;
          qualified += "at_least".equals(e.get("launched_qualifier").asText()) ? 1 : 0;
        }
      }
    }
    assertEquals(c.records(), c.originals() + c.exactCopies() + c.nearCopies() + c.malformed());
    assertTrue(strikes > 700 && strikes < 1100, "strike articles: " + strikes);
    assertTrue(national > 250, "national summaries: " + national);
    assertTrue(qualified > 50, "'more than N' counts: " + qualified);
    assertTrue(c.exactCopies() > 40 && c.nearCopies() > 40 && c.malformed() > 10, c.toString());
  }
}
