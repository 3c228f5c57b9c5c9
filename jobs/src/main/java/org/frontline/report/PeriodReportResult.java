package org.frontline.report;

import org.frontline.lake.StageResult;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The report of a period written: its days, where its HTML is, and what it says before its figures. */
public record PeriodReportResult(LocalDate from, LocalDate to, String html, long htmlBytes, long events,
                                 List<String> notices) implements StageResult {
  /** The figures of the summary's section. */
  Map<String, Object> fields() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("from", from.toString());
    s.put("to", to.toString());
    s.put("html", html);
    s.put("html_bytes", htmlBytes);
    s.put("events", events);
    s.put("notices", notices);
    return s;
  }

  @Override
  public Map<String, Object> summary() {
    return StageResult.section("report", fields());
  }
}
