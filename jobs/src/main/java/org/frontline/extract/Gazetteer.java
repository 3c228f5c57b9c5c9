package org.frontline.extract;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The place dictionary: every spelling Frontline recognises, each with what it names. Built from the
 * gazetteer CSVs packed in the jar ({@code frontline/gazetteer/}): oblast names and aliases, the oblast
 * centres' alternate names, populated places (with the common romanisation variants of their GeoNames
 * names, e.g. Mykolayiv → Mykolaiv, Slovyansk → Sloviansk, Kryvyy Rih → Kryvyi Rih) and a hand-written
 * supplement (English forms, rivers and seas that are not places, Russian regions and cities).
 *
 * <p>Small (about 20,000 spellings) and serialisable: a job broadcasts it and each executor builds its
 * matcher once ({@link PlaceMatcher}).
 */
public final class Gazetteer implements Serializable {
  private static final long serialVersionUID = 1L;

  /** What a spelling names. */
  public enum Kind { OBLAST, CITY, AREA, RIVER, SEA }

  /** One spelling: what it names, the ISO 3166-2 code (null for rivers, seas, multi-oblast areas). */
  public static final class Entry implements Serializable {
    private static final long serialVersionUID = 1L;
    public final String surface;
    public final Kind kind;
    public final String iso;
    /** The place's one name for grouping (a city's current English spelling); null for oblasts. */
    public final String canonical;
    /** Other oblasts with a place of this name ("Vilkhivka" is in Zakarpattia and in Kharkiv Oblast). */
    public final Set<String> alternates = new TreeSet<>();

    Entry(String surface, Kind kind, String iso, String canonical) {
      this.surface = surface;
      this.kind = kind;
      this.iso = iso;
      this.canonical = canonical;
    }

    /** UA or RU, from the ISO code; null when the entry is no place on land. */
    public String country() {
      return iso == null ? null : iso.substring(0, 2);
    }

    @Override
    public String toString() {
      return surface + "→" + kind + (iso == null ? "" : ":" + iso);
    }
  }

  /** Populated places at least this large also contribute their alternate (often historic) names. */
  static final int ALTERNATE_NAMES_MIN_POPULATION = 100_000;
  /** Region words that turn a name into its oblast: "Kharkiv region", "Sumy Oblast", "Odesa regional". */
  static final List<String> REGION_WORDS = List.of("region", "Region", "regions", "oblast", "Oblast", "oblasts",
      "province", "Province", "regional", "Regional");
  /** Place names that are also ordinary English words or frequent names in news text. */
  static final Set<String> STOP = Set.of("Mira", "Lenina", "Pravda", "Nova", "Zoria", "Druzhba", "Sonyachne",
      "Stalin", "Stalino", "Lenin", "Peace", "Victory", "Pobeda", "Progress", "Komunar", "Ukraina", "Ukrainka",
      "Sofiivka", "Oleksandriia", "Kirov", "Frunze", "Shchastia", "Nadiia", "Prosiana", "Mariia");
  private static final Pattern LATIN_NAME = Pattern.compile("[A-Z][A-Za-z'’ -]{3,40}");
  private static final Pattern CYRILLIC_NAME = Pattern.compile("[А-ЯІЇЄҐ][А-Яа-яІіЇїЄєҐґ'’ -]{3,40}");

  private final List<Entry> entries;
  private transient volatile PlaceMatcher matcher;

  private Gazetteer(List<Entry> entries) {
    // a plain ArrayList: the gazetteer is broadcast with Kryo, which cannot rebuild an immutable List.of copy
    this.entries = new ArrayList<>(entries);
  }

  /** The automaton over every spelling, built once per JVM (per executor for a broadcast gazetteer). */
  public PlaceMatcher matcher() {
    PlaceMatcher m = matcher;
    if (m == null) {
      synchronized (this) {
        if (matcher == null) {
          matcher = new PlaceMatcher(this);
        }
        m = matcher;
      }
    }
    return m;
  }

  public List<Entry> entries() {
    return Collections.unmodifiableList(entries);
  }

  /** The gazetteer packed in the jar. */
  public static Gazetteer load() {
    Map<String, Entry> bySurface = new LinkedHashMap<>();
    // 1. the hand-written supplement wins over everything
    for (CSVRecord r : csv("supplement.csv")) {
      String iso = r.get("iso").isEmpty() ? null : r.get("iso");
      String canonical = r.get("canonical").isEmpty() ? null : r.get("canonical");
      add(bySurface, r.get("surface"), Kind.valueOf(r.get("kind")), iso, canonical);
    }
    // 2. oblast names, then "<name> region" forms of every base name of an oblast
    Map<String, Set<String>> bases = new LinkedHashMap<>();
    Map<String, Boolean> isCity = new LinkedHashMap<>();
    Map<String, String> centre = new LinkedHashMap<>();
    for (CSVRecord r : csv("oblasts.csv")) {
      String iso = r.get("oblast_iso");
      boolean city = "City".equals(r.get("iso_codes_type"));
      isCity.put(iso, city);
      centre.put(iso, modern(r.get("admin_center")));
      for (String col : List.of("geoboundaries_name", "iso_codes_name", "name_uk", "name_ru")) {
        add(bySurface, r.get(col), city ? Kind.CITY : Kind.OBLAST, iso, city ? centre.get(iso) : null);
      }
      Set<String> b = bases.computeIfAbsent(iso, k -> new LinkedHashSet<>());
      for (String col : List.of("geoboundaries_name", "geonames_admin1_name")) {
        String base = r.get(col).replaceAll(" (Oblast|City)$", "");
        b.addAll(variants(base));
      }
    }
    for (CSVRecord r : csv("oblast_aliases.csv")) {
      String alias = r.get("alias");
      if (r.get("alias_type").contains("center_") && usable(alias)) {
        bases.get(r.get("oblast_iso")).addAll(variants(alias));
      }
    }
    for (Map.Entry<String, Set<String>> e : bases.entrySet()) {
      String iso = e.getKey();
      // a city unit's region forms name the oblast around it: "Kyiv region" is Kyiv Oblast, not the city
      String regionIso = "UA-30".equals(iso) ? "UA-32" : iso;
      if (isCity.get(iso) && !"UA-30".equals(iso)) {
        continue;
      }
      for (String base : e.getValue()) {
        for (String w : REGION_WORDS) {
          add(bySurface, base + " " + w, Kind.OBLAST, regionIso, null);
        }
      }
    }
    // 3. the oblast centres' own names are cities ("Kharkiv", "Kharkov", "Dnipropetrovsk")
    for (Map.Entry<String, Set<String>> e : bases.entrySet()) {
      if ("UA-32".equals(e.getKey()) || "UA-43".equals(e.getKey())) {
        continue; // "Kyiv" is the city (UA-30); "Crimea" is the peninsula, added as an oblast name
      }
      for (String base : e.getValue()) {
        add(bySurface, base, Kind.CITY, e.getKey(), centre.get(e.getKey()));
      }
    }
    add(bySurface, "Crimea", Kind.OBLAST, "UA-43", null);
    // 4. populated places, largest first (the file is sorted by population): the first oblast wins a name
    for (CSVRecord r : csv("places.csv")) {
      String iso = r.get("oblast_iso");
      Set<String> names = new LinkedHashSet<>();
      for (String col : List.of("name", "name_2013", "asciiname_2013")) {
        names.addAll(variants(r.get(col)));
      }
      String pop = r.get("population_2013");
      if (!pop.isEmpty() && Long.parseLong(pop) >= ALTERNATE_NAMES_MIN_POPULATION) {
        for (String alt : r.get("alternatenames_2013").split(",")) {
          names.addAll(variants(alt));
        }
      }
      String canonical = modern(r.get("name"));
      for (String n : names) {
        add(bySurface, n, Kind.CITY, iso, canonical);
      }
    }
    return new Gazetteer(new ArrayList<>(bySurface.values()));
  }

  private static boolean usable(String name) {
    String n = name.trim();
    return (LATIN_NAME.matcher(n).matches() || CYRILLIC_NAME.matcher(n).matches()) && !STOP.contains(n);
  }

  private static void add(Map<String, Entry> bySurface, String surface, Kind kind, String iso, String canonical) {
    String s = surface == null ? "" : surface.trim();
    if (!s.isEmpty() && (kind != Kind.CITY || usable(s))) {
      Entry first = bySurface.putIfAbsent(s, new Entry(s, kind, iso, canonical));
      if (first != null && first.kind == Kind.CITY && kind == Kind.CITY && iso != null && !iso.equals(first.iso)) {
        first.alternates.add(iso);
      }
    }
  }

  /** A GeoNames name in today's English spelling (see {@link #variants}). */
  public static String modern(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    return name.trim().replace("'", "").replace("’", "")
        .replaceAll("(?<=[bcdfghklmnprstvwxzBCDFGHKLMNPRSTVZ])y(?=[aeu])", "i")
        .replaceAll("(?<=[aeiou])yi", "i")
        .replaceAll("(?<=[aeiou])y(?=[bcdfghklmnprstvz])", "i")
        .replaceAll("yy\\b", "yi");
  }

  /**
   * A GeoNames name and its spellings in today's English news: apostrophes dropped; "y" before a, e, u
   * after a consonant becomes "i" (Slovyansk → Sloviansk, Izyum → Izium); "yi" and "y" + consonant after
   * a vowel become "i" (Mykolayiv → Mykolaiv, Hulyaypole → Huliaipole); final "yy" becomes "yi"
   * (Kryvyy → Kryvyi).
   */
  static Set<String> variants(String name) {
    Set<String> out = new LinkedHashSet<>();
    String n = name == null ? "" : name.trim();
    if (n.isEmpty()) {
      return out;
    }
    out.add(n);
    String v = n.replace("'", "").replace("’", "");
    out.add(v);
    out.add(v.replaceAll("yy\\b", "yi"));
    out.add(modern(n));
    return out;
  }

  public static Iterable<CSVRecord> csv(String name) {
    String resource = "frontline/gazetteer/" + name;
    InputStream in = Gazetteer.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("gazetteer file " + resource + " is not on the classpath");
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
