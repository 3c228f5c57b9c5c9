package org.frontline.common;

import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;
import org.frontline.events.EventKeyer;
import org.frontline.ingest.ExactDuplicateMarker;
import org.frontline.ingest.FieldMapper;
import org.frontline.ingest.HeadlineCleaner;
import org.frontline.ingest.LanguageTagger;
import org.frontline.ingest.NearDuplicateMarker;
import org.frontline.ingest.PublishedDateParser;
import org.frontline.ingest.TextCleaner;
import org.frontline.topics.NewsTokenizer;
import org.frontline.trends.EventAreas;
import org.frontline.trends.PeriodAggregator;
import org.frontline.trends.SpikeDetector;
import org.frontline.trends.TrendChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.LocalDate;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every param of the transformers has a fluent setter that sets it (to a value other than its default) and
 * returns the transformer; out-of-range numbers and malformed dates are refused, naming the param and the value.
 * No Spark session: params are plain objects.
 */
class SettersTest {
  /** The value is set (not the default) and read back. */
  private static void assertSet(Object expected, Params stage, Param<?> p) {
    String what = stage.getClass().getSimpleName() + "." + p.name();
    assertFalse(stage.hasDefault(p) && Objects.deepEquals(expected, stage.getDefault(p).get()), what + " default");
    assertTrue(stage.isSet(p), what + " set");
    if (expected instanceof Object[]) {
      assertArrayEquals((Object[]) expected, (Object[]) stage.getOrDefault(p), what);
    } else {
      assertEquals(expected, stage.getOrDefault(p), what);
    }
  }

  /** An IllegalArgumentException whose message names the param and the value. */
  private static void assertRefused(String param, Object value, Executable set) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, set);
    assertTrue(e.getMessage().contains(param), e.getMessage());
    assertTrue(e.getMessage().contains(String.valueOf(value)), e.getMessage());
  }

  @Test
  void eventKeyer() {
    EventKeyer k = new EventKeyer();
    assertSame(k, k.setMaxLagDays(3).setOutputCol("eid"));
    assertSet(3, k, k.maxLagDays());
    assertSet("eid", k, k.outputCol());
    assertRefused("maxLagDays", 32, () -> k.setMaxLagDays(32));
    assertRefused("maxLagDays", -1, () -> k.setMaxLagDays(-1));
  }

  @Test
  void exactDuplicateMarker() {
    ExactDuplicateMarker m = new ExactDuplicateMarker();
    assertSame(m, m.setHashCol("h").setIdCol("i").setRowIdCol("r"));
    assertSet("h", m, m.hashCol());
    assertSet("i", m, m.idCol());
    assertSet("r", m, m.rowIdCol());
  }

  @Test
  void fieldMapper() {
    FieldMapper f = new FieldMapper();
    assertSame(f, f.setInputCol("record").setIdNames(new String[] {"key"}).setTitleNames(new String[] {"hed"})
        .setTextNames(new String[] {"copy", "more"}).setDateNames(new String[] {"when"})
        .setSourceNames(new String[] {"who"}).setUrlNames(new String[] {"where"}));
    assertSet("record", f, f.inputCol());
    assertSet(new String[] {"key"}, f, f.idNames());
    assertSet(new String[] {"hed"}, f, f.titleNames());
    assertSet(new String[] {"copy", "more"}, f, f.textNames());
    assertSet(new String[] {"when"}, f, f.dateNames());
    assertSet(new String[] {"who"}, f, f.sourceNames());
    assertSet(new String[] {"where"}, f, f.urlNames());
  }

  @Test
  void headlineCleaner() {
    HeadlineCleaner h = new HeadlineCleaner();
    assertSame(h, h.setTitleCol("t").setTextCol("b"));
    assertSet("t", h, h.titleCol());
    assertSet("b", h, h.textCol());
  }

  @Test
  void languageTagger() {
    LanguageTagger l = new LanguageTagger();
    assertSame(l, l.setMaxChars(500).setOutputCol("lang"));
    assertSet(500, l, l.maxChars());
    assertSet("lang", l, l.outputCol());
    assertRefused("maxChars", 0, () -> l.setMaxChars(0));
  }

  @Test
  void nearDuplicateMarker() {
    NearDuplicateMarker n = new NearDuplicateMarker();
    assertSame(n, n.setBands(10).setIdCol("i").setMaxBucketSize(50).setMaxDaysApart(5)
        .setMinNumberSimilarity(0.4).setRowsPerBand(5).setShingleSize(4).setTextCol("t").setSeed(7L));
    assertSet(10, n, n.bands());
    assertSet(7L, n, n.seed());
    assertSet("i", n, n.idCol());
    assertSet(50, n, n.maxBucketSize());
    assertSet(5, n, n.maxDaysApart());
    assertSet(0.4, n, n.minNumberSimilarity());
    assertSet(5, n, n.rowsPerBand());
    assertSet(4, n, n.shingleSize());
    assertSet("t", n, n.textCol());
    assertRefused("bands", 0, () -> n.setBands(0));
    assertRefused("maxBucketSize", 1, () -> n.setMaxBucketSize(1));
    assertRefused("maxDaysApart", -1, () -> n.setMaxDaysApart(-1));
    assertRefused("minNumberSimilarity", 1.5, () -> n.setMinNumberSimilarity(1.5));
    assertRefused("rowsPerBand", 0, () -> n.setRowsPerBand(0));
    assertRefused("shingleSize", 0, () -> n.setShingleSize(0));
  }

  @Test
  void publishedDateParser() {
    PublishedDateParser p = new PublishedDateParser();
    assertSame(p, p.setMaxFutureDays(5).setMinDate("2000-01-31").setPatterns(new String[] {"yyyyMMdd"}));
    assertSet(5, p, p.maxFutureDays());
    assertSet("2000-01-31", p, p.minDate());
    assertSet(new String[] {"yyyyMMdd"}, p, p.patterns());
    assertSame(p, p.setMinDate(LocalDate.of(2014, 2, 20)));
    assertSet("2014-02-20", p, p.minDate());
    assertRefused("maxFutureDays", -1, () -> p.setMaxFutureDays(-1));
    for (String bad : new String[] {"2026-13-40", "2026-02-30", "04.02.2026", "2026-2-4", "2026-02-04T00:00", ""}) {
      assertRefused("minDate", bad, () -> p.setMinDate(bad));
    }
    assertRefused("minDate", null, () -> p.setMinDate((String) null));
    assertRefused("minDate", null, () -> p.setMinDate((LocalDate) null));
    assertEquals("2014-02-20", p.getOrDefault(p.minDate()), "a refused value leaves the param as it was");
  }

  @Test
  void textCleaner() {
    TextCleaner t = new TextCleaner();
    assertSame(t, t.setBoilerplatePattern("(?i)^ad$").setFooterPattern("(?i)footer").setMaxBoilerplateChars(80));
    assertSet("(?i)^ad$", t, t.boilerplatePattern());
    assertSet("(?i)footer", t, t.footerPattern());
    assertSet(80, t, t.maxBoilerplateChars());
    assertRefused("maxBoilerplateChars", -1, () -> t.setMaxBoilerplateChars(-1));
  }

  @Test
  void newsTokenizer() {
    NewsTokenizer n = new NewsTokenizer();
    assertSame(n, n.setMinTokenLength(3));
    assertSet(3, n, n.minTokenLength());
    assertRefused("minTokenLength", 0, () -> n.setMinTokenLength(0));
  }

  @Test
  void eventAreas() {
    EventAreas a = new EventAreas();
    assertSame(a, a.setCountryCol("c").setOutputCol("o").setRegionCol("r"));
    assertSet("c", a, a.countryCol());
    assertSet("o", a, a.outputCol());
    assertSet("r", a, a.regionCol());
  }

  @Test
  void periodAggregator() {
    PeriodAggregator p = new PeriodAggregator();
    assertSame(p, p.setStartDate("2026-03-01").setEndDate("2026-03-31"));
    assertSet("2026-03-01", p, p.startDate());
    assertSet("2026-03-31", p, p.endDate());
    assertSame(p, p.setStartDate(LocalDate.of(2026, 2, 1)).setEndDate(LocalDate.of(2026, 2, 28)));
    assertEquals("2026-02-01", p.getOrDefault(p.startDate()));
    assertEquals("2026-02-28", p.getOrDefault(p.endDate()));
    for (String bad : new String[] {"2026-13-40", "2026-02-29", "01.03.2026", "2026-3-1", " 2026-03-01"}) {
      assertRefused("startDate", bad, () -> p.setStartDate(bad));
      assertRefused("endDate", bad, () -> p.setEndDate(bad));
    }
    assertRefused("startDate", null, () -> p.setStartDate((String) null));
    assertEquals("2026-02-01", p.getOrDefault(p.startDate()), "a refused value leaves the param as it was");
    // "" and a null date are the unset value, as before any setter
    assertEquals("", p.setStartDate("").getOrDefault(p.startDate()));
    assertEquals("", p.setEndDate((LocalDate) null).getOrDefault(p.endDate()));
    p.setRange(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 11));
    assertEquals("2026-01-05", p.getOrDefault(p.startDate()));
    assertEquals("2026-01-11", p.getOrDefault(p.endDate()));
    assertThrows(IllegalArgumentException.class,
        () -> p.setRange(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 1)));
  }

  @Test
  void spikeDetector() {
    SpikeDetector s = new SpikeDetector();
    assertSame(s, s.setMetrics("events", "injured").setMinBaselineWeeks(2).setMinScale(0.5).setMinValue(1.0));
    assertSet(new String[] {"events", "injured"}, s, s.metrics());
    assertSet(2, s, s.minBaselineWeeks());
    assertSet(0.5, s, s.minScale());
    assertSet(1.0, s, s.minValue());
    assertRefused("minBaselineWeeks", 0, () -> s.setMinBaselineWeeks(0));
    assertRefused("minScale", 0.0, () -> s.setMinScale(0.0));
    assertRefused("minValue", -1.0, () -> s.setMinValue(-1.0));
  }

  @Test
  void trendChange() {
    TrendChange t = new TrendChange();
    assertSame(t, t.setSeriesCol("s"));
    assertSet("s", t, t.seriesCol());
  }
}
