package org.frontline.ingest;

import org.apache.spark.sql.Row;
import org.frontline.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class PublishedDateParserTest extends SparkTest {
  private static Row parse(String raw) {
    return new PublishedDateParser().transform(strings(cols("published_raw"), row(raw)))
        .selectExpr("date_status", "cast(published_date as string)", "cast(published_at as string)").first();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "2026-02-04|2026-02-04",
      "2026-02-04T05:12:00Z|2026-02-04",
      "2026-02-04T01:30:00+02:00|2026-02-03",
      "2026-02-04T23:30:00-05:00|2026-02-05",
      "2026-02-04 07:00:00|2026-02-04",
      "Wed, 04 Feb 2026 05:12:00 GMT|2026-02-04",
      "Wed, 4 Feb 2026 23:12:00 +0000|2026-02-04",
      "February 4, 2026|2026-02-04",
      "Feb. 4, 2026|2026-02-04",
      "Sept. 14, 2025|2025-09-14",
      "4 February 2026|2026-02-04",
      "February 4th, 2026|2026-02-04",
      "04.02.2026|2026-02-04",
      "04.02.26 19:07|2026-02-04",
      "2026/02/04|2026-02-04",
      "1770181200|2026-02-04",
      "1770181200000|2026-02-04"})
  void parsesTheUsualFormatsToAUtcDate(String raw, String expected) {
    Row r = parse(raw);
    assertEquals("ok", r.getString(0), raw);
    assertEquals(expected, r.getString(1), raw);
  }

  @Test
  void unusableDatesAreNullWithAReason() {
    assertEquals(List.of("missing", "missing", "unparseable", "unparseable", "out_of_range", "out_of_range"),
        List.of(parse(null).getString(0), parse("  ").getString(0), parse("sometime last week").getString(0),
            parse("31.02.2026").getString(0), parse("1900-01-01").getString(0), parse("2999-01-01").getString(0)));
    assertNull(parse("1900-01-01").get(1));
    assertNull(parse("yesterday evening").get(1));
  }

  @Test
  void shapeGuardMatchesWhatThePatternParses() {
    assertTrue("04.02.2026".matches(PublishedDateParser.shapeOf("dd.MM.yyyy")));
    assertFalse("2026-02-04".matches(PublishedDateParser.shapeOf("dd.MM.yyyy")));
    assertTrue("4 Feb 2026 05:12:00 GMT".matches(PublishedDateParser.shapeOf("d MMM yyyy HH:mm:ss z")));
    assertTrue("February 4, 2026".matches(PublishedDateParser.shapeOf("MMMM d, yyyy")));
  }
}
