package org.frontline.events;

import org.frontline.lake.StageResult;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the events stage wrote: every event ({@link Full}), or the events of the days a night touched. */
public sealed interface EventsResult extends StageResult {
  /** The first day whose events were replaced; null when the table was rewritten whole or left as it was. */
  LocalDate recomputedFrom();

  /** The events table rewritten from every mention. */
  record Full(long mentions, long mentionsUndated, long events, long eventsNational, long eventsMultiSource,
              Map<String, Long> byWeapon) implements EventsResult {
    @Override
    public LocalDate recomputedFrom() {
      return null;
    }

    @Override
    public Map<String, Object> summary() {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("mentions", mentions);
      s.put("mentions_undated", mentionsUndated);
      s.put("events", events);
      s.put("events_national", eventsNational);
      s.put("events_multi_source", eventsMultiSource);
      s.put("by_weapon", byWeapon);
      return StageResult.section("events", s);
    }
  }

  /** The events of {@code recomputedFrom .. recomputedTo} replaced ({@code events} rows written). */
  record Recomputed(LocalDate recomputedFrom, LocalDate recomputedTo, long events) implements EventsResult {
    @Override
    public Map<String, Object> summary() {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("recomputed_from", recomputedFrom.toString());
      s.put("recomputed_to", recomputedTo.toString());
      s.put("events", events);
      return StageResult.section("events", s);
    }
  }

  /** No dated mention changed: the events table is as it was (the summary has no events section). */
  record Unchanged() implements EventsResult {
    @Override
    public LocalDate recomputedFrom() {
      return null;
    }

    @Override
    public Map<String, Object> summary() {
      return Map.of();
    }
  }
}
