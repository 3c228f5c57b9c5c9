package org.frontline.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.frontline.events.OfficialSeries;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Air Force–style national morning reports written from an official daily series: each report window of the
 * series (columns {@code time_start, time_end, model, launched, destroyed}, as in the "Massive Missile
 * Attacks on Ukraine" data set) gives the launched and intercepted figures per weapon class, and a report
 * tells them in one of {@link #PHRASINGS} newsroom phrasings written for Frontline (figure first, "of the N",
 * "all", "none of", per-weapon lists, number words, weekday and explicit dates). The truth of each report is
 * the figures it was written from, so the figure reader can be scored on real counts without any article
 * text.
 *
 * <p>Reconnaissance drones (Orlan, ZALA, Supercam, Merlin …) are not in national strike reports and are
 * left out; a window whose intercepted figure exceeds its launched one is skipped.
 */
public final class NationalReports {
  /** The figures of one weapon class in one report window. */
  public record Figure(String weapon, String noun, int launched, int intercepted) {}

  /** One report window of the series: the morning it ends and its figures (missile before drone). */
  public record Window(LocalDate morning, List<Figure> figures) {}

  /** One written report: what a news item would hold, and the truth it was written from. */
  public record Report(String docId, LocalDate published, String title, String text, int phrasing,
                       LocalDate eventDate, List<Figure> figures) {}

  /** How many phrasings there are; a report of one weapon uses 0–14, a report of two uses 15–18. */
  public static final int PHRASINGS = 19;

  private NationalReports() {}

  /** What a report calls the weapons of a model ("Kalibr cruise missiles"); generic when models mix. */
  static String nounOf(String weapon, String model) {
    String m = model.toLowerCase(Locale.ROOT);
    if (weapon.equals("drone")) {
      return m.contains("shahed") ? "Shahed drones" : "attack drones";
    }
    if (m.contains(" and ") || m.contains("unknown")) {
      return "missiles";
    }
    if (m.contains("kalibr")) {
      return "Kalibr cruise missiles";
    }
    if (m.contains("x-101")) {
      return "Kh-101 cruise missiles";
    }
    if (m.contains("iskander")) {
      return "Iskander ballistic missiles";
    }
    if (m.contains("kinzhal")) {
      return "Kinzhal missiles";
    }
    if (m.contains("c-300") || m.contains("c-400")) {
      return "S-300 missiles";
    }
    return "guided missiles";
  }

  /** The report windows of a series file, in order of their morning. */
  public static List<Window> windows(Path series) throws IOException {
    Map<String, Map<String, int[]>> sums = new TreeMap<>();
    Map<String, Map<String, String>> nouns = new TreeMap<>();
    try (Reader in = Files.newBufferedReader(series)) {
      for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
        String weapon = OfficialSeries.weaponOf(r.get("model"));
        Double launched = OfficialSeries.number(r.get("launched"));
        Double destroyed = OfficialSeries.number(r.get("destroyed"));
        String end = r.get("time_end");
        if (weapon == null || launched == null || destroyed == null || end.length() < 10) {
          continue;
        }
        String key = end.substring(0, 10) + "|" + r.get("time_start");
        int[] s = sums.computeIfAbsent(key, k -> new TreeMap<>()).computeIfAbsent(weapon, w -> new int[2]);
        s[0] += (int) Math.round(launched);
        s[1] += (int) Math.round(destroyed);
        nouns.computeIfAbsent(key, k -> new TreeMap<>())
            .merge(weapon, nounOf(weapon, r.get("model")), (a, b) -> a.equals(b) ? a : nounOf(weapon, "a and b"));
      }
    }
    List<Window> out = new ArrayList<>();
    for (Map.Entry<String, Map<String, int[]>> e : sums.entrySet()) {
      List<Figure> figures = new ArrayList<>();
      boolean ok = true;
      for (String w : new String[] {"missile", "drone"}) {
        int[] s = e.getValue().get(w);
        if (s != null) {
          ok &= s[0] > 0 && s[1] <= s[0];
          figures.add(new Figure(w, nouns.get(e.getKey()).get(w), s[0], s[1]));
        }
      }
      if (ok && !figures.isEmpty()) {
        out.add(new Window(LocalDate.parse(e.getKey().substring(0, 10)), figures));
      }
    }
    return out;
  }


  /**
   * {@code n} reports from the windows, cycling through them (a window told again gets another phrasing);
   * the same seed gives the same reports.
   */
  public static List<Report> write(List<Window> windows, int n, long seed) {
    Random rnd = new Random(seed);
    List<Report> out = new ArrayList<>();
    for (int i = 0; i < n && !windows.isEmpty(); i++) {
      Window w = windows.get(i % windows.size());
      int round = i / windows.size();
      out.add(report(String.format(Locale.ROOT, "af-%04d", i), w, rnd, round));
    }
    return out;
  }

  private static Report report(String id, Window w, Random rnd, int round) {
    List<Figure> f = w.figures();
    if (f.size() == 2) {
      int p = 15 + (rnd.nextInt(4) + round) % 4;
      return two(id, w, p, f.get(0), f.get(1));
    }
    Figure x = f.get(0);
    int p = (rnd.nextInt(15) + round * 7) % 15;
    if (x.intercepted() == x.launched() && x.launched() > 2 && rnd.nextInt(3) == 0) {
      p = 7;
    } else if (x.intercepted() == 0 && x.launched() > 1) {
      p = 8;
    } else if (p == 7 || p == 8) {
      p = 0;
    }
    return one(id, w, p, x);
  }

  private static Report one(String id, Window w, int p, Figure x) {
    LocalDate day = w.morning();
    int l = x.launched();
    int n = x.intercepted();
    String noun = count(l, x.noun());
    String bare = count(n, x.weapon().equals("drone") ? "drones" : "missiles");
    LocalDate published = day;
    String title = "Overnight attack on Ukraine";
    String text = switch (p) {
      case 0 -> "Russia launched " + l + " " + noun + " at Ukraine overnight, and air defences shot down " + n
          + " of them, the Air Force said.";
      case 1 -> "Ukraine's air force said it had downed " + n + " of the " + l + " " + noun
          + " Russia launched overnight.";
      case 2 -> "Of the " + l + " " + noun + " fired by Russian forces overnight, " + n
          + " were destroyed by air defence, the Air Force reported.";
      case 3 -> "Air defence forces intercepted " + n + " out of " + l + " " + noun
          + " overnight, Ukraine's Air Force said.";
      case 4 -> {
        title = n + " of " + l + " Russian " + count(l, x.weapon() + "s") + " downed overnight";
        yield "Russia attacked Ukraine with " + l + " " + noun + " during the night. Air defence destroyed " + n
            + ", the Air Force said.";
      }
      case 5 -> "Russia attacked Ukraine overnight with " + l + " " + noun + ". Ukrainian air defence shot down " + n
          + " of them.";
      case 6 -> n + " Russian " + bare + (n == 1 ? " was" : " were") + " shot down overnight out of " + l
          + " launched at Ukraine, the Air Force said.";
      case 7 -> "All " + words(l) + " " + noun + " launched by Russia overnight were shot down, the Air Force said.";
      case 8 -> "None of the " + l + " " + noun + " Russia fired at Ukraine overnight was intercepted, the Air"
          + " Force said.";
      case 9 -> {
        published = day.plusDays(1);
        yield "Russia fired " + words(l) + " " + noun + " at Ukraine yesterday, and " + words(n)
            + " of them were intercepted, the Air Force said.";
      }
      case 10 -> {
        published = day.plusDays(1);
        yield "On " + day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + ", Russia launched " + l
            + " " + noun + " at Ukrainian cities; " + n + " were downed, according to the Air Force.";
      }
      case 11 -> {
        published = day.plusDays(2);
        yield "On " + day.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + day.getDayOfMonth()
            + ", Russian forces launched " + l + " " + noun + " at Ukraine, " + n
            + " of which were destroyed by air defence.";
      }
      case 12 -> "In total, Russia used " + l + " " + noun + " in the overnight attack, the Air Force said. Air"
          + " defence shot down " + n + " " + bare + ".";
      case 13 -> "Ukrainian air defence repelled an overnight attack by " + l + " " + noun + ", downing " + n
          + ", the Air Force said.";
      default -> "The Air Force reported " + l + " " + noun + " launched at Ukraine overnight, of which " + n
          + " were shot down or suppressed by electronic warfare.";
    };
    return new Report(id, published, title, text, p, day, List.of(x));
  }

  private static Report two(String id, Window w, int p, Figure mf, Figure df) {
    LocalDate day = w.morning();
    Figure m = new Figure(mf.weapon(), count(mf.launched(), mf.noun()), mf.launched(), mf.intercepted());
    Figure d = new Figure(df.weapon(), count(df.launched(), df.noun()), df.launched(), df.intercepted());
    String ms = count(m.intercepted(), "missiles");
    String ds = count(d.intercepted(), "drones");
    String text = switch (p) {
      case 15 -> "Russia attacked Ukraine overnight with " + m.launched() + " " + m.noun() + " and " + d.launched()
          + " " + d.noun() + "; air defence downed " + m.intercepted() + " " + ms + " and " + d.intercepted()
          + " " + ds + ", the Air Force said.";
      case 16 -> "Ukraine's air defence destroyed " + d.intercepted() + " " + ds + " and " + m.intercepted()
          + " " + ms + " overnight, out of " + d.launched() + " " + count(d.launched(), "drones") + " and "
          + m.launched() + " " + count(m.launched(), "missiles") + " launched by Russia, the Air Force said.";
      case 17 -> "Russia launched " + m.launched() + " " + m.noun() + " at Ukraine overnight, the Air Force said, "
          + m.intercepted() + " of which were shot down. It also sent " + d.launched() + " " + d.noun() + ", and "
          + d.intercepted() + " of them were destroyed.";
      default -> "Overnight, Russia launched " + d.launched() + " " + d.noun() + " and " + m.launched() + " "
          + m.noun() + " against Ukraine. Air defence forces shot down " + d.intercepted() + " " + ds + " and "
          + m.intercepted() + " " + ms + ", the Air Force reported.";
    };
    return new Report(id, day, "Combined missile and drone attack overnight", text, p, day, List.of(mf, df));
  }

  /** The noun in the number a count needs: "1 Shahed drone", "5 Shahed drones". */
  static String count(int n, String plural) {
    return n == 1 && plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural;
  }

  /**
   * A report template read from a file (JSON lines): {@code id}, {@code weapons} ("one" or "two"),
   * {@code requires} ("any", "some", "all", "none": which intercepted figures it can tell, of each weapon),
   * {@code published_offset} (days from the attack to publication), {@code title} and {@code text} with
   * placeholders {L} {I} {L_WORDS} {I_WORDS} {NOUN} (one weapon) or {LM} {IM} {LD} {ID} {NOUN_M} {NOUN_D}
   * (missiles and drones), and {WEEKDAY} {MONTH_DAY} {DAY_MONTH} for the attack's day.
   */
  public record Template(String id, boolean two, String requires, int publishedOffset, String title, String text) {
    boolean fits(List<Figure> f) {
      if (two != (f.size() == 2)) {
        return false;
      }
      if (two) {
        return f.stream().allMatch(this::tells);
      }
      return f.get(0).launched() >= 2 && tells(f.get(0));
    }

    /** Whether the template tells this weapon's intercepted figure truthfully. */
    private boolean tells(Figure x) {
      return switch (requires) {
        case "all" -> x.intercepted() == x.launched();
        case "none" -> x.intercepted() == 0;
        case "some" -> x.intercepted() > 0 && x.intercepted() < x.launched();
        default -> true;
      };
    }
  }

  /** The templates of a JSON-lines file. */
  public static List<Template> templates(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Template> out = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode t = json.readTree(line);
      out.add(new Template(t.path("id").asText(), "two".equals(t.path("weapons").asText()),
          t.path("requires").asText("any"), t.path("published_offset").asInt(0), t.path("title").asText(""),
          t.path("text").asText()));
    }
    return out;
  }

  /**
   * {@code n} reports from the windows told with the templates instead of the built-in phrasings: each
   * report takes the next window and a template that fits it at random ({@code phrasing} is the template's
   * position in the list); windows no template fits are passed over.
   */
  public static List<Report> write(List<Window> windows, int n, long seed, List<Template> templates) {
    Random rnd = new Random(seed);
    List<Report> out = new ArrayList<>();
    for (int i = 0; out.size() < n && i < n * 4 && !windows.isEmpty(); i++) {
      Window w = windows.get(i % windows.size());
      List<Integer> fit = new ArrayList<>();
      for (int k = 0; k < templates.size(); k++) {
        if (templates.get(k).fits(w.figures())) {
          fit.add(k);
        }
      }
      if (fit.isEmpty()) {
        continue;
      }
      int k = fit.get(rnd.nextInt(fit.size()));
      Template t = templates.get(k);
      String id = String.format(Locale.ROOT, "af-%04d", out.size());
      out.add(new Report(id, w.morning().plusDays(t.publishedOffset()), fill(t.title(), w), fill(t.text(), w), k,
          w.morning(), w.figures()));
    }
    return out;
  }

  private static String fill(String template, Window w) {
    LocalDate day = w.morning();
    String s = template.replace("{WEEKDAY}", day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH))
        .replace("{MONTH_DAY}", day.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " "
            + day.getDayOfMonth())
        .replace("{DAY_MONTH}", day.getDayOfMonth() + " "
            + day.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
    if (w.figures().size() == 1) {
      Figure x = w.figures().get(0);
      return s.replace("{L_WORDS}", words(x.launched())).replace("{I_WORDS}", words(x.intercepted()))
          .replace("{L}", Integer.toString(x.launched())).replace("{I}", Integer.toString(x.intercepted()))
          .replace("{NOUN}", x.noun());
    }
    Figure m = w.figures().get(0);
    Figure d = w.figures().get(1);
    return s.replace("{LM}", Integer.toString(m.launched())).replace("{IM}", Integer.toString(m.intercepted()))
        .replace("{LD}", Integer.toString(d.launched())).replace("{ID}", Integer.toString(d.intercepted()))
        .replace("{NOUN_M}", m.noun()).replace("{NOUN_D}", d.noun());
  }

  private static final String[] SMALL = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
      "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
      "nineteen"};
  private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
      "ninety"};

  /** A count in words up to 99 ("forty-two"), digits beyond. */
  static String words(int n) {
    if (n < 20) {
      return SMALL[n];
    }
    if (n < 100) {
      return TENS[n / 10] + (n % 10 == 0 ? "" : "-" + SMALL[n % 10]);
    }
    return Integer.toString(n);
  }
}
