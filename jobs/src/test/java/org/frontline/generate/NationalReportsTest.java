package org.frontline.generate;

import org.frontline.SparkTest;
import org.frontline.extract.NationalFiguresEval;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** Air Force-style reports written from a small series of Frontline's own (same columns as the real one). */
class NationalReportsTest {
  static final Path SERIES = SparkTest.repo().resolve("jobs/src/test/resources/frontline/series-sample.csv");

  @Test
  void windowsSumModelsPerClassAndSkipWhatNoReportWouldSay() throws Exception {
    List<NationalReports.Window> w = NationalReports.windows(SERIES);
    // reconnaissance drones, a missing destroyed figure and destroyed > launched are left out
    assertEquals(6, w.size(), w.toString());
    NationalReports.Window jan12 = w.get(w.size() - 1);
    assertEquals(LocalDate.of(2026, 1, 12), jan12.morning());
    assertEquals("missile", jan12.figures().get(0).weapon());
    assertEquals(22, jan12.figures().get(0).launched());
    assertEquals(18, jan12.figures().get(0).intercepted());
    assertEquals("missiles", jan12.figures().get(0).noun()); // Kalibr and Iskander together
    assertEquals(85, jan12.figures().get(1).launched());
  }

  @Test
  void everyPhrasingIsReadExactly() throws Exception {
    List<NationalReports.Window> w = NationalReports.windows(SERIES);
    List<NationalReports.Report> reports = NationalReports.write(w, 120, 7);
    Set<Integer> phrasings = new HashSet<>();
    reports.forEach(r -> phrasings.add(r.phrasing()));
    assertTrue(phrasings.size() >= 15, "phrasings used: " + phrasings);
    assertEquals(reports, NationalReports.write(w, 120, 7), "the same seed writes the same reports");
    Map<String, Object> s = NationalFiguresEval.score(reports, 10);
    assertEquals(1.0, (Double) s.get("all_exact_rate"), s.toString());
  }

  @Test
  void countsInWords() {
    assertEquals("forty-two", NationalReports.words(42));
    assertEquals("seventeen", NationalReports.words(17));
    assertEquals("120", NationalReports.words(120));
    assertEquals("1 Shahed drone", "1 " + NationalReports.count(1, "Shahed drones"));
  }
}
