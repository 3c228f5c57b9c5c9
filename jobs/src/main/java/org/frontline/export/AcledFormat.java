package org.frontline.export;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.frontline.events.Coordinates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.*;

/**
 * The {@code events} table in the columns and vocabulary of ACLED's event data (its codebook's column names,
 * in its order), so that scripts and dashboards written for ACLED exports read Frontline's events. One row per
 * event, built from column expressions only; the mapping and what cannot be filled are in docs/EXPORTS.md.
 */
public final class AcledFormat {
  private AcledFormat() {}

  /** ACLED's columns, in the order of its exports. */
  public static final List<String> COLUMNS = List.of("event_id_cnty", "event_date", "year", "time_precision",
      "disorder_type", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
      "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
      "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags",
      "timestamp");

  static final String DISORDER_TYPE = "Political violence";
  static final String EVENT_TYPE = "Explosions/Remote violence";
  static final String AIR_DRONE = "Air/drone strike";
  static final String SHELLING = "Shelling/artillery/missile attack";

  /** Frontline's weapon classes as ACLED's sub-event types of remote violence. */
  static final Map<String, String> SUB_EVENT_TYPES = Map.of("drone", AIR_DRONE, "airstrike", AIR_DRONE,
      "glide_bomb", AIR_DRONE, "missile", SHELLING, "artillery", SHELLING, "unknown", SHELLING);

  /** ACLED's actor names for the attackers Frontline tells apart. */
  static final Map<String, String> ACTORS = Map.of("RU", "Military Forces of Russia (2000-)",
      "UA", "Military Forces of Ukraine (2019-)");

  /** The countries events happen in: ISO 3166-1 numeric code, ACLED's name and its three-letter id prefix. */
  record Country(int iso, String name, String prefix) {}

  static final Map<String, Country> COUNTRIES = Map.of("UA", new Country(804, "Ukraine", "UKR"),
      "RU", new Country(643, "Russia", "RUS"));

  /** ACLED's inter codes: 1 state forces (in their own country), 3 political militia, 8 external forces. */
  static final int STATE_FORCES = 1;
  static final int MILITIA = 3;
  static final int EXTERNAL_FORCES = 8;

  /** A first-level unit's name as ACLED writes it: "Kharkiv" for geoBoundaries' "Kharkiv Oblast". */
  static String admin1Name(String iso, String geoBoundariesName) {
    return switch (iso) {
      case "UA-30" -> "Kyiv City";
      case "UA-43" -> "Crimea";
      case "UA-51" -> "Odesa";
      default -> iso.startsWith("UA-") ? geoBoundariesName.replaceFirst(" Oblast$", "") : geoBoundariesName;
    };
  }

  /** ISO 3166-2 codes by the {@code admin1} names this export writes ("Kharkiv" → UA-63), to join it back to maps. */
  public static Map<String, String> admin1Codes() {
    Map<String, String> codes = new LinkedHashMap<>();
    Coordinates.packed().admin1().forEach((iso, name) -> {
      String before = codes.put(admin1Name(iso, name), iso);
      if (before != null) {
        throw new IllegalStateException("two regions are both written '" + admin1Name(iso, name) + "': " + before
            + " and " + iso);
      }
    });
    return codes;
  }

  /**
   * A region as the location of an event that names no place in it: geoBoundaries' name for Ukraine's units
   * ("Sumy Oblast", not the city "Sumy"), "Kursk region" for Russia's, a federal city by its name.
   */
  static String regionLocation(String iso, String name) {
    return iso.startsWith("UA-") || name.endsWith(" Oblast") || "RU-MOW".equals(iso) || "RU-SPE".equals(iso)
        ? name : name + " region";
  }

  private static Column lookup(Column key, Map<String, ?> values) {
    List<Column> kv = new ArrayList<>();
    values.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      kv.add(lit(e.getKey()));
      kv.add(lit(e.getValue()));
    });
    return element_at(map(kv.toArray(new Column[0])), key);
  }

  private static String figure(String name) {
    return name + "_median";
  }

  /**
   * The ACLED rows of a frame of events (columns of the {@code events} table). {@code sources}: per
   * {@code doc_id}, the outlet ({@code source}); {@code timestamp}: the Unix time written in every row (ACLED's
   * time of the row's last change; here, that of the events table's version).
   */
  public static Dataset<Row> rows(Dataset<Row> events, Dataset<Row> sources, long timestamp) {
    Map<String, String> admin1 = new LinkedHashMap<>();
    Map<String, String> regions = new LinkedHashMap<>();
    Coordinates.packed().admin1().forEach((iso, name) -> {
      admin1.put(iso, admin1Name(iso, name));
      regions.put(iso, regionLocation(iso, name));
    });
    Map<String, String> prefixes = new LinkedHashMap<>();
    Map<String, Integer> isoCodes = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    COUNTRIES.forEach((k, c) -> {
      prefixes.put(k, c.prefix());
      isoCodes.put(k, c.iso());
      names.put(k, c.name());
    });
    // the outlets of each event, sorted, from its articles (an article no longer in the lake stands as its id)
    Dataset<Row> outlets = events.select(col("event_id").as("s_event_id"), explode(col("doc_ids")).as("s_doc_id"))
        .join(sources.select(col("doc_id").as("s_doc_id"), col("source").as("s_source")), "s_doc_id", "left")
        .groupBy("s_event_id")
        .agg(concat_ws("; ", sort_array(collect_set(coalesce(col("s_source"), col("s_doc_id"))))).as("s_sources"));
    Dataset<Row> e = events.join(outlets, col("event_id").equalTo(col("s_event_id")), "left");

    Column country = col("country");
    Column attacker = col("attacker");
    Column countryName = coalesce(lookup(country, names), country);
    Column actor1 = coalesce(lookup(attacker, ACTORS),
        concat(lit("Unidentified Armed Group ("), countryName, lit(")")));
    Column inter1 = when(attacker.equalTo(country), lit(STATE_FORCES))
        .when(attacker.isin(ACTORS.keySet().toArray()), lit(EXTERNAL_FORCES)).otherwise(lit(MILITIA));
    Column admin1Col = when(col("region_iso").isNull(), lit(""))
        .otherwise(coalesce(lookup(col("region_iso"), admin1), col("region_iso")));
    Column location = coalesce(col("place"), lookup(col("region_iso"), regions), col("region_iso"), countryName);
    List<Column> figures = new ArrayList<>();
    for (String f : List.of("launched", "intercepted", "killed", "injured")) {
      // a median of two reports can be x.5: written as such; whole numbers without ".0"
      Column v = col(figure(f));
      figures.add(when(v.isNotNull(), concat(lit(f + " "), regexp_replace(v.cast("string"), "\\.0$", ""))));
    }
    Column notes = concat(col("example_sentence"), lit(" [Frontline: "),
        concat_ws("; ", figures.toArray(new Column[0])),
        when(concat_ws("; ", figures.toArray(new Column[0])).notEqual(lit("")), lit("; ")).otherwise(lit("")),
        col("n_sources").cast("string"), lit(" source(s), "), col("n_articles").cast("string"),
        lit(" article(s); event "), col("event_id"), lit("]"));

    Map<String, Column> out = new LinkedHashMap<>();
    out.put("event_id_cnty", concat(coalesce(lookup(country, prefixes), country), upper(col("event_id"))));
    out.put("event_date", date_format(col("event_date"), "yyyy-MM-dd"));
    out.put("year", year(col("event_date")));
    out.put("time_precision", col("time_precision")); // null (empty) for an event of an older table
    out.put("disorder_type", lit(DISORDER_TYPE));
    out.put("event_type", lit(EVENT_TYPE));
    out.put("sub_event_type", coalesce(lookup(col("weapon"), SUB_EVENT_TYPES), lit(SHELLING)));
    out.put("actor1", actor1);
    out.put("assoc_actor_1", lit(""));
    out.put("inter1", inter1);
    out.put("actor2", lit(""));
    out.put("assoc_actor_2", lit(""));
    out.put("inter2", lit(0));
    out.put("interaction", inter1.multiply(10));
    out.put("civilian_targeting", lit(""));
    out.put("iso", lookup(country, isoCodes));
    out.put("region", lit("Europe"));
    out.put("country", countryName);
    out.put("admin1", admin1Col);
    out.put("admin2", lit(""));
    out.put("admin3", lit(""));
    out.put("location", location);
    out.put("latitude", col("lat"));
    out.put("longitude", col("lon"));
    out.put("geo_precision", col("geo_precision"));
    out.put("source", coalesce(col("s_sources"), lit("")));
    out.put("source_scale", lit(""));
    out.put("notes", notes);
    // ACLED counts reported deaths conservatively: the lowest figure among the sources that give one
    out.put("fatalities", coalesce(col("killed_min"), lit(0)));
    out.put("tags", lit(""));
    out.put("timestamp", lit(timestamp));
    if (!out.keySet().equals(new java.util.LinkedHashSet<>(COLUMNS))) {
      throw new IllegalStateException("ACLED columns out of step: " + out.keySet());
    }
    List<Column> cols = new ArrayList<>();
    out.forEach((name, c) -> cols.add(c.as(name)));
    return e.orderBy(col("event_date"), col("event_id")).select(cols.toArray(new Column[0]));
  }
}
