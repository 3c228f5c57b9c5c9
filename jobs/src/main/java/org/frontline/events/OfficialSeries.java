package org.frontline.events;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An official daily series of attacks (the columns of the Air Force's "Massive Missile Attacks on Ukraine" data
 * set: {@code time_start, time_end, model, target, launched, destroyed}, one row per weapon model per report
 * window) as national nightly totals per weapon class: the rows whose {@code target} is {@code Ukraine} (a
 * national report; regional commands' rows name a city or a direction), summed per morning ({@code time_end}'s
 * date, the day Frontline dates a night's strikes by) and class. A few hundred rows: read on the driver.
 */
public final class OfficialSeries {
  private OfficialSeries() {}

  /** One night's national totals of one weapon class; {@code destroyed} null when no row of it gives one. */
  public record Night(LocalDate morning, String weapon, long launched, Long destroyed) {}

  private static final String[] RECONNAISSANCE = {"orlan", "zala", "supercam", "merlin", "reconnaissance",
      "orion", "mohajer", "granat", "forpost"};

  /** The weapon class of a model of the series, or null for reconnaissance drones and unknown models. */
  public static String weaponOf(String model) {
    String m = model.toLowerCase(Locale.ROOT);
    for (String r : RECONNAISSANCE) {
      if (m.contains(r)) {
        return null;
      }
    }
    if (m.contains("shahed") || m.contains("uav") || m.contains("lancet") || m.contains("drone")) {
      return "drone";
    }
    if (m.contains("x-") || m.contains("kh-") || m.contains("kalibr") || m.contains("iskander") || m.contains("c-300")
        || m.contains("c-400") || m.contains("s-300") || m.contains("s-400") || m.contains("oniks")
        || m.contains("kinzhal") || m.contains("missile") || m.contains("tochka")) {
      return "missile";
    }
    return null;
  }

  /** The columns a series file must have. */
  static final List<String> COLUMNS = List.of("time_end", "model", "target", "launched", "destroyed");

  /**
   * The national nights of a series file, by morning then class (missile before drone: alphabetical). Rows that
   * cannot be read (too few cells, a morning that is no date, a launched figure that is no number) are left out
   * and counted in {@link Read#skipped}; a file without one of {@link #COLUMNS} is refused.
   */
  public static Read read(Path file) throws IOException {
    Map<String, long[]> sums = new TreeMap<>();
    long skipped = 0;
    try (Reader in = Files.newBufferedReader(file)) {
      CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in);
      List<String> missing = COLUMNS.stream().filter(c -> !parser.getHeaderNames().contains(c)).toList();
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException("the official series " + file + " lacks the column(s) " + missing
            + "; its columns are " + parser.getHeaderNames());
      }
      for (CSVRecord r : parser) {
        LocalDate morning = r.isConsistent() ? morning(r.get("time_end")) : null;
        Double launched = r.isConsistent() ? number(r.get("launched")) : null;
        if (morning == null || launched == null) {
          skipped++;
          continue;
        }
        String weapon = weaponOf(r.get("model"));
        if (weapon == null || !"ukraine".equalsIgnoreCase(r.get("target").trim())) {
          continue;
        }
        Double destroyed = number(r.get("destroyed"));
        // launched, destroyed, rows without a destroyed figure
        long[] s = sums.computeIfAbsent(morning + "|" + weapon, k -> new long[] {0, 0, 0});
        s[0] += Math.round(launched);
        if (destroyed != null) {
          s[1] += Math.round(destroyed);
        } else {
          s[2]++;
        }
      }
    }
    List<Night> out = new ArrayList<>();
    // a night's destroyed figure is known only when every row of it gives one
    sums.forEach((k, s) -> out.add(new Night(LocalDate.parse(k.substring(0, 10)), k.substring(11), s[0],
        s[2] == 0 ? s[1] : null)));
    return new Read(out, skipped);
  }

  /** The nights of a series file, and how many of its rows could not be read. */
  public record Read(List<Night> nights, long skipped) {}

  /** The morning of a report window: the date of its end ({@code 2023-12-31 08:00}), or null. */
  private static LocalDate morning(String timeEnd) {
    try {
      return timeEnd == null || timeEnd.length() < 10 ? null : LocalDate.parse(timeEnd.substring(0, 10));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** A figure of the series: a number, else null (blank or not a number). */
  public static Double number(String v) {
    try {
      return v == null || v.isBlank() ? null : Double.valueOf(v);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
