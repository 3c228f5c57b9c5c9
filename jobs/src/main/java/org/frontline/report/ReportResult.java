package org.frontline.report;

import org.frontline.lake.StageResult;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report written: its night, where its HTML is, and what it lists; and the report of the lake's whole span
 * when the run wrote one beside it (an archive), else null.
 */
public record ReportResult(LocalDate date, String html, long htmlBytes, long eventsListed, long spikes,
                           List<String> notices, PeriodReportResult span) implements StageResult {
  @Override
  public Map<String, Object> summary() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("date", date.toString());
    s.put("html", html);
    s.put("html_bytes", htmlBytes);
    s.put("events_listed", eventsListed);
    s.put("spikes", spikes);
    s.put("notices", notices);
    if (span != null) {
      s.put("span", span.fields());
    }
    return StageResult.section("report", s);
  }
}
