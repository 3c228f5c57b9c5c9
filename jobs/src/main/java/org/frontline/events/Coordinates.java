package org.frontline.events;

import org.apache.commons.csv.CSVRecord;
import org.frontline.extract.Gazetteer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where an event is drawn: the coordinates of the places, regions and countries the extractor names, from
 * the packed gazetteer ({@code frontline/gazetteer/}). A place is keyed by its region's ISO 3166-2 code and
 * its canonical name (the extractor's {@code place_canonical}); Ukraine's populated places come from
 * {@code places.csv} (GeoNames; the most populous of a name within an oblast), its oblasts' centroids from
 * {@code oblasts.csv}, and Russia's cities, its regions' reference points (their administrative centres) and
 * the two countries' reference points from {@code coordinates.csv}. Small (about 4,000 points): built on the
 * driver and broadcast by {@link EventGeocoder}.
 */
public final class Coordinates {
  /** ACLED's geo_precision: the place itself (a town or a facility in it). */
  public static final int TOWN = 1;
  /** ACLED's geo_precision: the region only, drawn at its centroid (Russia: its administrative centre). */
  public static final int REGION = 2;
  /** ACLED's geo_precision: the country only. */
  public static final int COUNTRY = 3;

  /** A point: latitude and longitude in degrees (WGS 84). */
  public record Point(double lat, double lon) {}

  private static volatile Coordinates packed;

  private final Map<String, Point> places;
  private final Map<String, Point> areas;
  private final Map<String, String> admin1;

  private Coordinates(Map<String, Point> places, Map<String, Point> areas, Map<String, String> admin1) {
    this.places = Collections.unmodifiableMap(places);
    this.areas = Collections.unmodifiableMap(areas);
    this.admin1 = Collections.unmodifiableMap(admin1);
  }

  /** The coordinates of the packed gazetteer, read once per JVM. */
  public static Coordinates packed() {
    Coordinates c = packed;
    if (c == null) {
      synchronized (Coordinates.class) {
        if (packed == null) {
          packed = load();
        }
        c = packed;
      }
    }
    return c;
  }

  private static Coordinates load() {
    Map<String, Point> places = new LinkedHashMap<>();
    Map<String, Point> areas = new LinkedHashMap<>();
    Map<String, String> admin1 = new LinkedHashMap<>();
    for (CSVRecord r : Gazetteer.csv("oblasts.csv")) {
      String iso = r.get("oblast_iso");
      areas.put(iso, point(r.get("centroid_lat"), r.get("centroid_lon")));
      admin1.put(iso, r.get("geoboundaries_name"));
    }
    // the file is sorted by population: the first place of a name within an oblast is the one news means
    for (CSVRecord r : Gazetteer.csv("places.csv")) {
      String name = Gazetteer.modern(r.get("name"));
      if (name != null) {
        places.putIfAbsent(placeKey(r.get("oblast_iso"), name), point(r.get("lat"), r.get("lon")));
      }
    }
    for (CSVRecord r : Gazetteer.csv("coordinates.csv")) {
      String iso = r.get("iso");
      Point p = point(r.get("lat"), r.get("lon"));
      if (r.get("place").isEmpty()) {
        areas.put(iso, p);
        if (!r.get("admin1").isEmpty()) {
          admin1.put(iso, r.get("admin1"));
        }
      } else {
        places.putIfAbsent(placeKey(iso, r.get("place")), p);
      }
    }
    return new Coordinates(places, areas, admin1);
  }

  private static Point point(String lat, String lon) {
    double y = Double.parseDouble(lat);
    double x = Double.parseDouble(lon);
    if (!(y >= -90 && y <= 90 && x >= -180 && x <= 180)) {
      throw new IllegalStateException("coordinates out of range: " + lat + ", " + lon);
    }
    return new Point(y, x);
  }

  /** The key of a place: its region's ISO code and its canonical name. */
  public static String placeKey(String iso, String place) {
    return iso + "|" + place;
  }

  /** Places by {@link #placeKey}. */
  public Map<String, Point> places() {
    return places;
  }

  /** Regions (ISO 3166-2) and countries (UA, RU) by code. */
  public Map<String, Point> areas() {
    return areas;
  }

  /** First-level units by ISO 3166-2 code: their English names (Ukraine's as geoBoundaries spells them). */
  public Map<String, String> admin1() {
    return admin1;
  }

  /**
   * The point an event is drawn at and its precision: the place, else its region, else its country; null
   * when none is known.
   */
  public Located locate(String country, String regionIso, String place) {
    Point p = regionIso == null || place == null ? null : places.get(placeKey(regionIso, place));
    if (p != null) {
      return new Located(p, TOWN);
    }
    p = regionIso == null ? null : areas.get(regionIso);
    if (p != null) {
      return new Located(p, REGION);
    }
    p = country == null ? null : areas.get(country);
    return p == null ? null : new Located(p, COUNTRY);
  }

  /** A point and its ACLED geo_precision. */
  public record Located(Point point, int precision) {}
}
