package org.frontline.trends;

import org.frontline.lake.StageResult;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the trends stage wrote. */
public sealed interface TrendsResult extends StageResult {
  /** The trend rows of {@code firstDay .. lastDay}, replaced from {@code recomputedFrom} on. */
  record Written(LocalDate firstDay, LocalDate lastDay, LocalDate recomputedFrom, long rows, long eventsUa,
                 long spikes) implements TrendsResult {
    @Override
    public Map<String, Object> summary() {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("first_day", firstDay.toString());
      s.put("last_day", lastDay.toString());
      s.put("recomputed_from", recomputedFrom.toString());
      s.put("rows", rows);
      s.put("events_ua", eventsUa);
      s.put("spikes", spikes);
      return StageResult.section("trends", s);
    }
  }

  /** No dated event: the trend tables were written empty. */
  record Empty() implements TrendsResult {
    @Override
    public Map<String, Object> summary() {
      return StageResult.section("trends", Map.of("rows", 0L));
    }
  }

  /** An incremental run with no changed event and no new day: the trend tables are as they were. */
  record Unchanged() implements TrendsResult {
    @Override
    public Map<String, Object> summary() {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("recomputed_from", null);
      return StageResult.section("trends", s);
    }
  }
}
