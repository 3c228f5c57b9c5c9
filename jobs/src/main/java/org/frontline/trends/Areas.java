package org.frontline.trends;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The areas trend tables report: Ukraine's 27 first-level units (24 oblasts, Kyiv city, Sevastopol, Crimea)
 * by ISO 3166-2 code from the packed gazetteer, plus {@code UA} (the whole country) and {@code RU} (Russian
 * territory). Small: read on the driver, passed to Spark as literals.
 */
public final class Areas {
  public static final String NATIONAL = "UA";
  public static final String RUSSIA = "RU";

  /** One first-level unit: code, English name, the label position (centroid). */
  public record Oblast(String iso, String name, double lat, double lon) {}

  private static volatile Map<String, Oblast> oblasts;

  private Areas() {}

  /** The 27 units in ISO code order. */
  public static Map<String, Oblast> oblasts() {
    if (oblasts == null) {
      Map<String, Oblast> m = new LinkedHashMap<>();
      String resource = "frontline/gazetteer/oblasts.csv";
      InputStream in = Areas.class.getClassLoader().getResourceAsStream(resource);
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath");
      }
      try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
          m.put(rec.get("oblast_iso"), new Oblast(rec.get("oblast_iso"), rec.get("geoboundaries_name"),
              Double.parseDouble(rec.get("centroid_lat")), Double.parseDouble(rec.get("centroid_lon"))));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + resource, e);
      }
      oblasts = Collections.unmodifiableMap(m);
    }
    return oblasts;
  }

  public static List<String> oblastCodes() {
    return List.copyOf(oblasts().keySet());
  }

  /** Every reported area: the oblasts, then UA and RU. */
  public static List<String> codes() {
    List<String> all = new ArrayList<>(oblastCodes());
    all.add(NATIONAL);
    all.add(RUSSIA);
    return all;
  }

  public static String name(String code) {
    if (NATIONAL.equals(code)) {
      return "Ukraine (all)";
    }
    if (RUSSIA.equals(code)) {
      return "Russia (all)";
    }
    Oblast o = oblasts().get(code);
    return o == null ? code : o.name();
  }

  public static String kind(String code) {
    return NATIONAL.equals(code) ? "national" : RUSSIA.equals(code) ? "russia" : "oblast";
  }
}
