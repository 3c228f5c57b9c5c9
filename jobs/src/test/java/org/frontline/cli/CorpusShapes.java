package org.frontline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.spark.sql.Encoders;
import org.frontline.generate.CorpusGenerator;
import org.frontline.lake.Lake;
import org.frontline.lake.Tables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntFunction;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Corpora of the shapes users meet on their first day (a handful of items, no dates, one day, headlines
 * only, another language, no strike, national summaries only, one oblast, ten years, a huge record), built
 * from a seed: the same seed gives the same files. Sentences are written for these tests.
 */
final class CorpusShapes {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Lines of a corpus file, from the seed's random numbers, a work directory and the first run's lines. */
  interface Lines {
    List<String> make(Random rnd, Path work, List<String> base);
  }

  /** What a scenario's summaries and lake must show beyond what every scenario must (the test's checks). */
  interface Check {
    void verify(JsonNode run, JsonNode night, Lake lake);
  }

  /**
   * A corpus of a shape: the first run's lines and one more night's, the night's date, what its summaries
   * must show; {@code hugeBytes} above 0 appends one record of that size to the first run's file.
   */
  record Scenario(String name, Lines base, Lines night, LocalDate nightDate, long hugeBytes, Check check) {
    Scenario(String name, Lines base, Lines night, Check check) {
      this(name, base, night, DAY.plusDays(1), 0, check);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private CorpusShapes() {}

  static final LocalDate DAY = LocalDate.parse("2025-11-14");

  static final String[][] PLACES = {
      {"Kharkiv", "Kharkiv region"}, {"Odesa", "Odesa region"}, {"Dnipro", "Dnipropetrovsk region"},
      {"Zaporizhzhia", "Zaporizhzhia region"}, {"Sumy", "Sumy region"}, {"Lviv", "Lviv region"},
      {"Kherson", "Kherson region"}, {"Poltava", "Poltava region"}};

  static final String[] WEAPONS = {"drone", "missile", "guided aerial bomb", "artillery shell"};

  private static final String[] QUIET = {
      "Ministers from %s met to discuss grain shipments through the Black Sea and the insurance of cargo ships.",
      "The central bank in %s kept its key rate unchanged and said inflation had slowed for a third month.",
      "Farmers near %s began the sunflower harvest later than usual after a wet September.",
      "A new rail timetable links %s with three more European cities from next month.",
      "Teachers in %s said more pupils had returned to classrooms this autumn than a year ago.",
      "The parliament approved a budget amendment on pensions, which officials in %s welcomed.",
      "Negotiators arriving in %s said a prisoner exchange was being prepared by both sides.",
      "Energy traders in %s expect electricity imports to rise as temperatures fall this winter."};

  private static final String[] FOREIGN = {
      "Уряд схвалив нову програму підтримки малого бізнесу в прифронтових громадах.",
      "У місті відкрили відновлений міст через річку після двох років ремонту.",
      "Die Regierung in Kyjiw kündigte neue Gespräche über Getreideexporte an.",
      "Im Hafen von Odessa wurden am Morgen wieder Schiffe beladen, teilte die Verwaltung mit.",
      "Фермери почали збирати врожай соняшнику пізніше, ніж зазвичай."};

  static String line(String id, LocalDate published, String title, String body) {
    ObjectNode n = JSON.createObjectNode().put("doc_id", id);
    if (published != null) {
      n.put("published", published.toString());
    }
    n.put("outlet", "Shape Wire").put("url", "https://shapes.example/" + id).put("title", title);
    if (body != null) {
      n.put("body", body);
    }
    return n.toString();
  }

  /** A regional strike report in one of several phrasings: place, weapon, figures. */
  static String strike(Random rnd, String id, LocalDate published, int placeIndex) {
    String[] p = PLACES[placeIndex];
    String w = WEAPONS[rnd.nextInt(WEAPONS.length)];
    int killed = rnd.nextInt(4);
    int injured = 1 + rnd.nextInt(9);
    String body = switch (rnd.nextInt(3)) {
      case 0 -> String.format(Locale.ROOT, "A Russian %s hit a warehouse in %s overnight, killing %d people and"
          + " injuring %d, the head of the %s said. Firefighters worked until morning.", w, p[0], killed, injured,
          p[1]);
      case 1 -> String.format(Locale.ROOT, "Russian forces struck %s with a %s on Thursday night. %d civilians were"
          + " injured and %d killed, regional officials said.", p[0], w, injured, killed);
      default -> String.format(Locale.ROOT, "In the %s, a %s attack overnight damaged a school and a power line in"
          + " %s; %d people were injured, the governor said.", p[1], w, p[0], injured);
    };
    return line(id, published, "Overnight " + w + " attack on " + p[0], body);
  }

  /** An Air Force-style national summary: launched and intercepted, no place. */
  static String national(Random rnd, String id, LocalDate published) {
    int launched = 20 + rnd.nextInt(150);
    int intercepted = launched - rnd.nextInt(launched / 4 + 1);
    return line(id, published, "Russia launched " + launched + " drones overnight",
        String.format(Locale.ROOT, "Russia launched %d attack drones at Ukraine overnight, the Air Force said."
            + " Air defence shot down %d of them.", launched, intercepted));
  }

  /** An article about something other than strikes. */
  static String quiet(Random rnd, String id, LocalDate published) {
    String place = PLACES[rnd.nextInt(PLACES.length)][0];
    String a = String.format(Locale.ROOT, QUIET[rnd.nextInt(QUIET.length)], place);
    String b = String.format(Locale.ROOT, QUIET[rnd.nextInt(QUIET.length)], place);
    return line(id, published, "News from " + place, a + " " + b);
  }

  static String foreign(Random rnd, String id, LocalDate published) {
    return line(id, published, FOREIGN[rnd.nextInt(FOREIGN.length)],
        FOREIGN[rnd.nextInt(FOREIGN.length)] + " " + FOREIGN[rnd.nextInt(FOREIGN.length)]);
  }

  static String headline(Random rnd, String id, LocalDate published) {
    String place = PLACES[rnd.nextInt(PLACES.length)][0];
    return line(id, published, rnd.nextBoolean() ? place + " under fire again" : "Talks on grain in " + place,
        null);
  }

  /** A mix of the kinds above, on days {@code from .. from+days-1} (null: undated). */
  static List<String> mix(Random rnd, String prefix, int n, LocalDate from, int days) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = prefix + "-" + i;
      LocalDate d = from == null ? null : from.plusDays(rnd.nextInt(days));
      double k = rnd.nextDouble();
      out.add(k < 0.45 ? strike(rnd, id, d, rnd.nextInt(PLACES.length))
          : k < 0.6 ? national(rnd, id, d) : quiet(rnd, id, d));
    }
    return out;
  }

  static List<String> times(int n, IntFunction<String> f) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(f.apply(i));
    }
    return out;
  }

  /** Records that never make an article: broken JSON, no id, no text. */
  static List<String> broken(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(switch (i % 3) {
        case 0 -> "{\"doc_id\": \"broken-" + i + "\", \"title\": ";
        case 1 -> "{\"title\": \"no id here\", \"body\": \"Some text without an id.\"}";
        default -> "{\"doc_id\": \"empty-" + i + "\", \"title\": \"\", \"body\": \"   \"}";
      });
    }
    return out;
  }

  /** {@code n} generated articles spread over ten years (duplicates and malformed records among them). */
  static List<String> generated(int n, long seed, Path work) {
    try {
      Path out = work.resolve("gen-" + seed);
      new CorpusGenerator(new CorpusGenerator.Options(n, seed, out, 1, List.of("jsonl"),
          LocalDate.parse("2016-01-01"), 3653)).write();
      return Files.readAllLines(out.resolve("corpus/part-00000.jsonl"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the lines as one JSONL file in a fresh directory; returns the directory. */
  static Path write(Path dir, String file, List<String> lines) throws IOException {
    Files.createDirectories(dir);
    try (Writer w = Files.newBufferedWriter(dir.resolve(file), StandardCharsets.UTF_8)) {
      for (String l : lines) {
        w.write(l);
        w.write('\n');
      }
    }
    return dir;
  }

  /** Appends one record of about {@code bytes} bytes (a body of repeated sentences) to a corpus file. */
  static void appendHuge(Path file, String id, LocalDate published, long bytes) throws IOException {
    String sentence = "The regional council met again to discuss the repair of roads and bridges. ";
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
      w.write("{\"doc_id\": \"" + id + "\", \"published\": \"" + published + "\", \"title\": \"A very long record\","
          + " \"body\": \"");
      for (long written = 0; written < bytes; written += sentence.length()) {
        w.write(sentence);
      }
      w.write("\"}\n");
    }
  }

  /**
   * The scenarios: each pairs a first corpus with one more night; together they cover 0, 1, 10 and
   * {@code generatedArticles} articles, all quarantined, all duplicates, one day, not one strike, one oblast,
   * no dates, headlines only, all non-English, national summaries only, a 50 MB record and ten years.
   */
  static List<Scenario> scenarios(int generatedArticles) {
    LocalDate night = DAY.plusDays(1);
    return List.of(
        new Scenario("0 articles, then a night of broken records only",
            (r, w, b) -> List.of(), (r, w, b) -> broken(6), (run, n, lake) -> {
              assertEquals(0, run.path("read").asLong());
              assertEquals(6, n.path("quarantined").asLong());
              assertTrue(run.path("skipped").path("topics").asText().startsWith("0 articles"), run.toString());
            }),
        new Scenario("1 article, then a night of its duplicate only",
            (r, w, b) -> List.of(strike(r, "a-0", DAY, 2)), (r, w, b) -> b, (run, n, lake) -> {
              assertEquals(1, run.path("kept").asLong());
              assertEquals(1, run.path("events").path("events").asLong());
              assertEquals(1, n.path("duplicates").asLong());
              assertEquals(1, lake.read(Tables.EVENTS).count(), "the duplicate adds no event");
            }),
        new Scenario("10 articles of one day and not one strike, then 2 strikes in one oblast",
            (r, w, b) -> times(10, i -> quiet(r, "a-" + i, DAY)),
            (r, w, b) -> times(2, i -> strike(r, "n-" + i, night, 4)), (run, n, lake) -> {
              assertEquals(0, run.path("extract").path("mentions").asLong());
              assertEquals(0, run.path("trends").path("rows").asLong());
              assertEquals(List.of("UA-59"), lake.read(Tables.EVENTS).select("region_iso").distinct()
                  .as(Encoders.STRING()).collectAsList(), "Sumy only");
            }),
        new Scenario("no dates at all, headlines only, then an undated night in Ukrainian and German",
            (r, w, b) -> times(50, i -> headline(r, "a-" + i, null)),
            (r, w, b) -> times(8, i -> foreign(r, "n-" + i, null)), (run, n, lake) -> {
              assertEquals(run.path("kept").asLong(), run.path("kept_without_date").asLong());
              assertEquals(0, lake.read(Tables.TOPIC_TRENDS).count(), "no dated article: no topic trends");
              assertEquals(0, lake.read(Tables.STRIKE_TRENDS).count());
              assertEquals(0, lake.read(Tables.ARTICLES).filter(col("language").equalTo("en")
                  .and(col("doc_id").startsWith("n-"))).count(), "the night's articles are not English");
            }),
        new Scenario(generatedArticles + " generated articles over ten years and one of 50 MB, then a night of"
            + " national summaries only",
            (r, w, b) -> generated(generatedArticles, 5, w), (r, w, b) -> times(12, i -> national(r, "n-" + i, night)),
            night, 50L << 20, (run, n, lake) -> {
              assertEquals(1, run.path("quarantined_by_reason").path("RECORD_TOO_LARGE").asLong());
              assertTrue(run.path("trends").path("first_day").asText().startsWith("201"), run.toString());
              assertTrue(n.path("extract").path("mentions").asLong() >= 12, n.toString());
              assertTrue(lake.read(Tables.EVENTS).filter(col("event_date").equalTo(Date.valueOf(night))
                  .and(col("region_iso").isNull())).count() >= 1, "the night's national summaries are an event");
            }));
  }
}
