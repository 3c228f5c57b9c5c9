package org.frontline.extract;

import org.frontline.generate.NationalReports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Scores the national figures the rules read from Air Force–style morning reports
 * ({@link NationalReports}): for each figure a report states (one per weapon class), the national mention of
 * that weapon (region null) must carry the launched figure, the intercepted figure and the event date.
 * Reports are a few hundred short texts: they are read in one loop on the driver, not as a Spark job.
 */
public final class NationalFiguresEval {
  private NationalFiguresEval() {}

  /** The scores, in a fixed order; {@code examples} lists up to that many misses as text lines. */
  public static Map<String, Object> score(List<NationalReports.Report> reports, int examples) {
    Gazetteer gazetteer = StrikeExtractor.gazetteer();
    long figures = 0;
    long found = 0;
    long launched = 0;
    long intercepted = 0;
    long dated = 0;
    long all = 0;
    Map<Integer, long[]> byPhrasing = new TreeMap<>();
    List<String> misses = new ArrayList<>();
    for (NationalReports.Report r : reports) {
      List<Mention> got = StrikeRules.extract(r.title(), r.text(), r.published(), r.published(),
          gazetteer);
      for (NationalReports.Figure f : r.figures()) {
        figures++;
        Mention m = national(got, f.weapon());
        boolean l = m != null && Objects.equals(m.launched, f.launched());
        boolean i = m != null && Objects.equals(m.intercepted, f.intercepted());
        boolean d = m != null && Objects.equals(m.eventDate, r.eventDate());
        found += m != null && m.launched != null ? 1 : 0;
        launched += l ? 1 : 0;
        intercepted += i ? 1 : 0;
        dated += d ? 1 : 0;
        all += l && i && d ? 1 : 0;
        long[] p = byPhrasing.computeIfAbsent(r.phrasing(), k -> new long[2]);
        p[0]++;
        p[1] += l && i && d ? 1 : 0;
        if (!(l && i && d) && misses.size() < examples) {
          misses.add(String.format(Locale.ROOT, "MISS %s p%d %s want %s l=%d i=%d got %s | %s | %s", r.docId(),
              r.phrasing(), f.weapon(), r.eventDate(), f.launched(), f.intercepted(),
              m == null ? "nothing" : m.eventDate + " l=" + m.launched + " i=" + m.intercepted, r.title(),
              r.text()));
        }
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("reports", (long) reports.size());
    out.put("figures", figures);
    out.put("launched_found_rate", rate(found, figures));
    out.put("launched_exact_rate", rate(launched, figures));
    out.put("intercepted_exact_rate", rate(intercepted, figures));
    out.put("date_exact_rate", rate(dated, figures));
    out.put("all_exact", all);
    out.put("all_exact_rate", rate(all, figures));
    Map<String, Object> per = new LinkedHashMap<>();
    byPhrasing.forEach((k, v) -> per.put("p" + k, v[1] + "/" + v[0]));
    out.put("all_exact_by_phrasing", per);
    out.put("examples", misses);
    return out;
  }

  /** The national mention of a weapon: region null, the one with a launched figure first. */
  private static Mention national(List<Mention> mentions, String weapon) {
    Mention best = null;
    for (Mention m : mentions) {
      if (m.regionIso == null && weapon.equals(m.weapon.label()) && (best == null || best.launched == null)) {
        best = m;
      }
    }
    return best;
  }

  private static Double rate(long k, long n) {
    return n == 0 ? null : Math.round(1000.0 * k / n) / 1000.0;
  }
}
