package org.frontline.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.frontline.generate.CorpusWords.Place;
import org.frontline.generate.CorpusWords.Weapon;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a synthetic English news corpus about the war, streamed and deterministic per seed, with the
 * ground truth of every record beside it. Articles report strikes in many phrasings (weapons and models,
 * places in several spellings, counts with qualifiers, casualties in digits and words, dates relative to
 * publication), national attack summaries, diplomacy, economy, unrelated news and non-strike mentions of
 * weapons; some carry HTML, boilerplate and repeated headlines; some are exact or near copies of earlier
 * articles; a small share is malformed. Layout: {@code OUT/corpus/part-NNNNN.<fmt>} and {@code OUT/truth.jsonl}.
 */
public final class CorpusGenerator {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** How many recent originals copies are drawn from: bounded memory whatever the corpus size. */
  private static final int COPY_POOL = 200;

  public record Options(long articles, long seed, Path out, int parts, List<String> formats, LocalDate start,
                        int days) {
    public Options {
      if (articles < 0) {
        throw new IllegalArgumentException("--articles must be >= 0");
      }
      if (parts < 1) {
        throw new IllegalArgumentException("--parts must be >= 1");
      }
      if (days < 1) {
        throw new IllegalArgumentException("--days must be >= 1");
      }
      for (String f : formats) {
        if (!List.of("jsonl", "jsonl.gz", "csv", "csv.gz").contains(f)) {
          throw new IllegalArgumentException("unknown format '" + f + "' (jsonl, jsonl.gz, csv, csv.gz)");
        }
      }
    }
  }

  /** What the generator wrote, for the caller's summary. */
  public record Counts(long records, long originals, long exactCopies, long nearCopies, long malformed,
                       long undated) {}

  /** One generated article before it is written. */
  static final class Article {
    String docId;
    String title;
    List<String> paragraphs = new ArrayList<>();
    ZonedDateTime published;
    String publishedText;
    String outlet;
    String url;
    String kind;
    boolean html;
    List<Map<String, Object>> events = new ArrayList<>();

    Article copy() {
      Article a = new Article();
      a.docId = docId;
      a.title = title;
      a.paragraphs = new ArrayList<>(paragraphs);
      a.published = published;
      a.publishedText = publishedText;
      a.outlet = outlet;
      a.url = url;
      a.kind = kind;
      a.html = html;
      a.events = events;
      return a;
    }
  }

  private final Options options;

  public CorpusGenerator(Options options) {
    this.options = options;
  }

  public Counts write() throws IOException {
    Path corpus = options.out().resolve("corpus");
    Files.createDirectories(corpus);
    List<PartWriter> parts = new ArrayList<>();
    for (int p = 0; p < options.parts(); p++) {
      String fmt = options.formats().get(p % options.formats().size());
      parts.add(new PartWriter(corpus.resolve(String.format(Locale.ROOT, "part-%05d.%s", p, fmt)), fmt));
    }
    ArrayDeque<Article> pool = new ArrayDeque<>();
    long originals = 0;
    long exact = 0;
    long near = 0;
    long malformed = 0;
    long undated = 0;
    try (Writer truth = Files.newBufferedWriter(options.out().resolve("truth.jsonl"), StandardCharsets.UTF_8)) {
      for (long i = 0; i < options.articles(); i++) {
        SplittableRandom rnd = new SplittableRandom(options.seed() * 0x9E3779B97F4A7C15L + i);
        PartWriter part = parts.get((int) (i % parts.size()));
        Map<String, Object> t = new LinkedHashMap<>();
        double roll = rnd.nextDouble();
        Article a;
        if (roll < 0.04 && !pool.isEmpty()) {
          Article orig = pick(rnd, new ArrayList<>(pool));
          a = syndicate(rnd, orig, i);
          t.put("expected_status", "duplicate");
          t.put("duplicate_kind", "exact");
          t.put("duplicate_of", orig.docId);
          exact++;
        } else if (roll < 0.08 && !pool.isEmpty()) {
          Article orig = pick(rnd, new ArrayList<>(pool));
          a = syndicate(rnd, orig, i);
          edit(rnd, a);
          t.put("expected_status", "duplicate");
          t.put("duplicate_kind", "near");
          t.put("duplicate_of", orig.docId);
          near++;
        } else {
          a = article(rnd, i);
          String problem = roll < 0.095 ? "broken_record" : roll < 0.10 ? "no_id" : roll < 0.105 ? "no_text"
              : roll < 0.115 ? "bad_date" : null;
          if (problem == null || problem.equals("bad_date")) {
            if (problem != null) {
              a.publishedText = pick(rnd, List.of("sometime last week", "n/a", "31.02.2026", "yesterday evening"));
              undated++;
              t.put("date_status", "unparseable");
            }
            t.put("expected_status", "kept");
            originals++;
            if (problem == null) { // copies of an undated original would outrank it: dated articles come first
              pool.addLast(a);
              if (pool.size() > COPY_POOL) {
                pool.removeFirst();
              }
            }
          } else {
            t.put("expected_status", "quarantined");
            t.put("expected_reason", problem.equals("broken_record")
                ? (part.csv ? "WRONG_COLUMN_COUNT" : "MALFORMED_JSON") : problem.equals("no_id") ? "NO_ID" : "NO_TEXT");
            malformed++;
          }
          part.problem = problem;
        }
        t.put("doc_id", t.get("expected_reason") != null && t.get("expected_reason").equals("NO_ID") ? null : a.docId);
        t.put("file", options.out().relativize(part.path).toString());
        t.put("position", part.position());
        t.put("kind", a.kind);
        t.put("published_date", a.published.toLocalDate().toString());
        t.put("events", a.events);
        part.write(a, rnd);
        part.problem = null;
        truth.write(JSON.writeValueAsString(t));
        truth.write('\n');
      }
    } finally {
      for (PartWriter p : parts) {
        p.close();
      }
    }
    return new Counts(options.articles(), originals, exact, near, malformed, undated);
  }

  // ------------------------------------------------------------------ articles

  Article article(SplittableRandom rnd, long i) {
    Article a = new Article();
    a.docId = String.format(Locale.ROOT, "gen-%d-%07d", options.seed(), i);
    LocalDate day = options.start().plusDays(rnd.nextInt(options.days()));
    a.published = day.atTime(6 + rnd.nextInt(16), rnd.nextInt(60), rnd.nextInt(60)).atZone(ZoneOffset.UTC);
    a.publishedText = formatDate(rnd, a.published);
    a.outlet = pick(rnd, CorpusWords.OUTLETS);
    a.url = "https://news.example/" + a.outlet.toLowerCase(Locale.ROOT).replace(' ', '-') + "/" + a.docId;
    a.html = rnd.nextDouble() < 0.1;
    double k = rnd.nextDouble();
    if (k < 0.50) {
      strike(rnd, a);
    } else if (k < 0.65) {
      simple(rnd, a, "diplomacy", CorpusWords.DIPLOMACY, "Talks in %s: no breakthrough yet");
    } else if (k < 0.77) {
      simple(rnd, a, "economy", CorpusWords.ECONOMY, "Economy: %s");
    } else if (k < 0.90) {
      simple(rnd, a, "other", CorpusWords.UNRELATED, "In brief: %s");
    } else {
      simple(rnd, a, "non_strike", CorpusWords.NON_STRIKES, "Air defence: %s");
    }
    return a;
  }

  void simple(SplittableRandom rnd, Article a, String kind, List<String> sentences, String titleFormat) {
    a.kind = kind;
    String venue = pick(rnd, CorpusWords.VENUES);
    List<String> pool = new ArrayList<>(sentences);
    int n = 4 + rnd.nextInt(4);
    for (int s = 0; s < n && !pool.isEmpty(); s++) {
      String sentence = String.format(Locale.ROOT, pool.remove(rnd.nextInt(pool.size())), venue,
          pick(rnd, CorpusWords.OFFICIALS), 2 + rnd.nextInt(400), pick(rnd, CorpusWords.PARTNERS),
          pick(rnd, CorpusWords.MONTHS));
      a.paragraphs.add((sentence + " " + detail(rnd)).strip());
    }
    a.paragraphs.add(1 + rnd.nextInt(a.paragraphs.size()), colour(rnd));
    if (rnd.nextBoolean()) {
      a.paragraphs.add(colour(rnd));
    }
    String subject = kind.equals("diplomacy") ? venue : firstWords(a.paragraphs.get(0), 6);
    a.title = String.format(Locale.ROOT, titleFormat, subject);
  }

  /** One sentence of local colour, assembled from parts so that two articles rarely share it. */
  static String colour(SplittableRandom rnd) {
    return String.format(Locale.ROOT, "%s %s %s %s, adding that %d people had come to help.",
        pick(rnd, CorpusWords.COLOUR_SUBJECTS), pick(rnd, CorpusWords.COLOUR_VERBS),
        pick(rnd, CorpusWords.COLOUR_TIMES), pick(rnd, CorpusWords.COLOUR_CLAIMS), 3 + rnd.nextInt(90));
  }

  private static String detail(SplittableRandom rnd) {
    return pick(rnd, List.of("", "", "The statement was published on the government's website.",
        "Further details were not immediately available.", "Reporters were told more information would follow.",
        String.format(Locale.ROOT, "The figure was confirmed by %s.", pick(rnd, CorpusWords.OFFICIALS))));
  }

  void strike(SplittableRandom rnd, Article a) {
    a.kind = "strike";
    LocalDate pub = a.published.toLocalDate();
    Weapon w = pick(rnd, CorpusWords.WEAPONS);
    String model = w.models().isEmpty() || rnd.nextDouble() < 0.4 ? null : pick(rnd, w.models());
    String[] when = when(rnd, pub);
    LocalDate eventDate = LocalDate.parse(when[1]);
    List<String> sentences = new ArrayList<>();
    String headlinePlace = null;
    // national summary
    if (!w.kind().equals("artillery") && rnd.nextDouble() < 0.55) {
      int launched = 10 + rnd.nextInt(w.kind().equals("drone") ? 180 : 60);
      String[] q = pick(rnd, List.of(new String[] {"", "exact"}, new String[] {"more than ", "at_least"},
          new String[] {"over ", "at_least"}, new String[] {"at least ", "at_least"},
          new String[] {"about ", "about"}, new String[] {"around ", "about"}, new String[] {"up to ", "up_to"}));
      int intercepted = launched - rnd.nextInt(launched / 3 + 1);
      String noun = (model != null ? model + " " : "") + w.many();
      sentences.add(pick(rnd, List.of(
          String.format(Locale.ROOT, "Russia launched %s%d %s at Ukraine %s, the Air Force said.",
              q[0], launched, noun, when[0]),
          String.format(Locale.ROOT, "Ukraine's Air Force said Russia fired %s%d %s %s, targeting several regions.",
              q[0], launched, noun, when[0]),
          String.format(Locale.ROOT, "%s, Russian forces attacked Ukraine with %s%d %s, according to the military.",
              cap(when[0]), q[0], launched, noun))));
      sentences.add(String.format(Locale.ROOT, pick(rnd, List.of(
          "Air defence units shot down %d of them.",
          "Of those, %d were intercepted or suppressed by electronic warfare.",
          "The military said %d were destroyed before reaching their targets.")), intercepted));
      a.events.add(event(eventDate, null, null, w, model, launched, q[1], intercepted, null, null));
    }
    // regional hits
    int hits = 1 + (rnd.nextDouble() < 0.3 ? 1 : 0) + (rnd.nextDouble() < 0.1 ? 1 : 0);
    List<Place> places = new ArrayList<>(CorpusWords.PLACES);
    for (int h = 0; h < hits; h++) {
      Place p = places.remove(rnd.nextInt(places.size()));
      String name = pick(rnd, p.spellings());
      headlinePlace = headlinePlace == null ? name : headlinePlace;
      int killed = rnd.nextDouble() < 0.35 ? 0 : 1 + rnd.nextInt(rnd.nextDouble() < 0.8 ? 4 : 20);
      int injured = rnd.nextDouble() < 0.25 ? 0 : 1 + rnd.nextInt(rnd.nextDouble() < 0.8 ? 8 : 40);
      String where = p.region() ? "in the " + name : "in " + name;
      String target = pick(rnd, CorpusWords.TARGETS);
      String official = pick(rnd, CorpusWords.OFFICIALS);
      String casualties = casualties(rnd, killed, injured);
      sentences.add(pick(rnd, List.of(
          String.format(Locale.ROOT, "%s %s, %s when a %s hit %s, local authorities said.",
              cap(where), when[0], casualties, w.one(), target),
          String.format(Locale.ROOT,
              "A %s struck %s %s %s, and %s, according to %s, head of the regional administration.",
              w.one(), target, where, when[0], casualties, official),
          String.format(Locale.ROOT, "%s came under %s %s; %s said %s.",
              name, attackNoun(w.kind()), when[0], official, casualties))));
      if (killed == 1 && rnd.nextDouble() < 0.5) {
        sentences.add(String.format(Locale.ROOT, "The victim was a %d-year-old %s.", 20 + rnd.nextInt(70),
            pick(rnd, List.of("man", "woman"))));
      }
      sentences.add(String.format(Locale.ROOT, pick(rnd, List.of(
          "Emergency crews worked through the night to put out the fires in %s.",
          "Windows were blown out in %d nearby buildings, the emergency service said.",
          "The building at %d Shevchenko Street was badly damaged.",
          "Rescuers searched the rubble in %s until the morning.")), rnd.nextBoolean() ? 3 + rnd.nextInt(40) : 0)
          .replace("%s", name).replace(" 0 ", " several "));
      // the truth gives a figure only where the text states it ("no casualties" states both as 0)
      Integer killedStated = killed == 0 && injured > 0 ? null : killed;
      Integer injuredStated = injured == 0 && killed > 0 ? null : injured;
      a.events.add(event(eventDate, p.iso(), name, w, model, null, null, null, killedStated, injuredStated));
    }
    sentences.add(pick(rnd, List.of("The attack came as diplomats prepared for another round of talks.",
        "Officials urged residents to stay in shelters during air raid alerts.",
        "It was the third large attack on the region this week.",
        "Energy companies said power would be restored within hours.")));
    sentences.add(1 + rnd.nextInt(sentences.size()), colour(rnd));
    if (rnd.nextBoolean()) {
      sentences.add(colour(rnd));
    }
    String closing = detail(rnd);
    if (!closing.isEmpty()) {
      sentences.add(closing);
    }
    a.paragraphs.addAll(sentences);
    a.title = pick(rnd, List.of(
        String.format(Locale.ROOT, "Russian %s hit %s", w.many(), headlinePlace),
        String.format(Locale.ROOT, "%s attack on %s leaves casualties", cap(w.one()), headlinePlace),
        String.format(Locale.ROOT, "Overnight strike on %s", headlinePlace)));
  }

  private static String attackNoun(String kind) {
    switch (kind) {
      case "drone": return "a drone attack";
      case "missile": return "a missile attack";
      case "artillery": return "artillery fire";
      case "glide_bomb": return "a glide bomb attack";
      default: return "air strikes";
    }
  }

  private static String casualties(SplittableRandom rnd, int killed, int injured) {
    if (killed == 0 && injured == 0) {
      return "no casualties were reported";
    }
    String k = killed == 1 ? "one person was killed" : count(rnd, killed) + " people were killed";
    String i = injured == 1 ? "one was injured" : count(rnd, injured) + " were injured";
    if (killed == 0) {
      return injured == 1 ? "one person was injured" : count(rnd, injured) + " people were injured";
    }
    return injured == 0 ? k : k + " and " + i;
  }

  private static String count(SplittableRandom rnd, int n) {
    return n < CorpusWords.NUMBER_WORDS.length && rnd.nextBoolean() ? CorpusWords.NUMBER_WORDS[n] : Integer.toString(n);
  }

  /** A time phrase and the date it means, relative to the publication date. */
  static String[] when(SplittableRandom rnd, LocalDate pub) {
    int k = rnd.nextInt(4);
    switch (k) {
      case 0: return new String[] {"overnight", pub.toString()};
      case 1: return new String[] {"yesterday", pub.minusDays(1).toString()};
      case 2: {
        LocalDate d = pub.minusDays(1 + rnd.nextInt(5));
        return new String[] {"on " + d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH), d.toString()};
      }
      default: {
        LocalDate d = pub.minusDays(rnd.nextInt(3));
        return new String[] {
            "on " + d.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + d.getDayOfMonth(),
            d.toString()};
      }
    }
  }

  private static Map<String, Object> event(LocalDate date, String iso, String place, Weapon w, String model,
                                           Integer launched, String qualifier, Integer intercepted,
                                           Integer killed, Integer injured) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("event_date", date.toString());
    e.put("country", iso == null ? "UA" : iso.substring(0, 2));
    e.put("region_iso", iso);
    e.put("place", place);
    e.put("weapon", w.kind());
    e.put("weapon_model", model);
    e.put("launched", launched);
    e.put("launched_qualifier", qualifier);
    e.put("intercepted", intercepted);
    e.put("killed", killed);
    e.put("injured", injured);
    return e;
  }

  /** A later copy of an article by another outlet. */
  Article syndicate(SplittableRandom rnd, Article orig, long i) {
    Article a = orig.copy();
    a.docId = String.format(Locale.ROOT, "gen-%d-%07d", options.seed(), i);
    a.outlet = pick(rnd, CorpusWords.OUTLETS);
    a.url = "https://news.example/" + a.outlet.toLowerCase(Locale.ROOT).replace(' ', '-') + "/" + a.docId;
    a.published = orig.published.plusHours(1 + rnd.nextInt(6));
    a.publishedText = a.published.format(DateTimeFormatter.ISO_INSTANT);
    return a;
  }

  /** A small edit that keeps every figure: a sentence without numbers replaced, or one added; the headline reworded. */
  void edit(SplittableRandom rnd, Article a) {
    String extra = pick(rnd, List.of("This story has been updated with new figures from the regional administration.",
        "Our correspondent on the scene confirmed the details in a telephone interview.",
        "Additional reporting was contributed by the regional desk."));
    String last = a.paragraphs.get(a.paragraphs.size() - 1);
    if (a.paragraphs.size() > 5 && rnd.nextBoolean() && !last.matches(".*\\d.*")) {
      a.paragraphs.set(a.paragraphs.size() - 1, extra);
    } else {
      a.paragraphs.add(extra);
    }
    a.title = a.title + pick(rnd, List.of(" (updated)", " - live", ": what we know"));
  }

  // ------------------------------------------------------------------ output

  static String formatDate(SplittableRandom rnd, ZonedDateTime t) {
    switch (rnd.nextInt(6)) {
      case 0: return t.format(DateTimeFormatter.ISO_INSTANT);
      case 1: return t.withZoneSameInstant(ZoneOffset.ofHours(2)).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      case 2: return t.format(DateTimeFormatter.RFC_1123_DATE_TIME);
      case 3: return t.format(DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH));
      case 4: return t.format(DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.ROOT));
      default: return t.toLocalDate().toString();
    }
  }

  static String body(SplittableRandom rnd, Article a) {
    List<String> lines = new ArrayList<>();
    boolean boiler = rnd.nextDouble() < 0.3;
    if (boiler && rnd.nextBoolean()) {
      lines.add(a.title);
    }
    if (a.html) {
      for (String p : a.paragraphs) {
        lines.add("<p>" + p.replace("&", "&amp;").replace("'", "&#8217;") + "</p>");
      }
      if (boiler) {
        lines.add("<div class=\"share\"><a href=\"#\">Share this article</a></div><script>track('view');</script>");
      }
    } else {
      lines.addAll(a.paragraphs);
    }
    if (boiler) {
      List<String> pool = new ArrayList<>(CorpusWords.BOILERPLATE);
      for (int b = 0; b < 2; b++) {
        lines.add(pool.remove(rnd.nextInt(pool.size())));
      }
    }
    return String.join(a.html ? "\n" : "\n\n", lines);
  }

  private static <T> T pick(SplittableRandom rnd, List<T> list) {
    return list.get(rnd.nextInt(list.size()));
  }

  private static String cap(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String firstWords(String s, int n) {
    String[] w = s.split(" ");
    return String.join(" ", Arrays.copyOf(w, Math.min(n, w.length))).replaceAll("[.,;]$", "");
  }

  /** One output part; JSON lines use {@code doc_id,title,published,outlet,url,body}, CSV other names on purpose. */
  final class PartWriter implements AutoCloseable {
    final Path path;
    final boolean csv;
    final Writer out;
    final CSVPrinter printer;
    long records;
    long lines = 1;
    String problem;

    PartWriter(Path path, String format) throws IOException {
      this.path = path;
      this.csv = format.startsWith("csv");
      OutputStream os = Files.newOutputStream(path);
      if (format.endsWith(".gz")) {
        os = new GZIPOutputStream(os, 1 << 16);
      }
      this.out = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
      if (csv) {
        printer = CSVFormat.RFC4180.builder()
            .setHeader("id", "headline", "pubDate", "source", "link", "lead", "content")
            .setRecordSeparator("\n").get().print(out);
        lines++;
      } else {
        printer = null;
      }
    }

    long position() {
      return csv ? lines : records + 1;
    }

    void write(Article a, SplittableRandom rnd) throws IOException {
      String body = "no_text".equals(problem) ? (rnd.nextBoolean() ? "" : "<script>var x = 1;</script>") : body(rnd, a);
      String title = "no_text".equals(problem) ? "" : a.title;
      String id = "no_id".equals(problem) ? "" : a.docId;
      String lead = "";
      String content = body;
      if (csv) {
        int cut = body.indexOf("\n\n");
        if (cut > 0 && rnd.nextBoolean()) {
          lead = body.substring(0, cut);
          content = body.substring(cut + 2);
        }
        if ("broken_record".equals(problem)) {
          printer.printRecord(id, title, a.publishedText);
        } else {
          printer.printRecord(id, title, a.publishedText, a.outlet, a.url, lead, content);
        }
        printer.flush();
        lines += 1 + countNewlines(title) + countNewlines(lead) + countNewlines(content);
      } else {
        Map<String, Object> m = new LinkedHashMap<>();
        if (!"no_id".equals(problem)) {
          m.put("doc_id", id);
        }
        m.put("title", title);
        m.put("published", a.publishedText);
        m.put("outlet", a.outlet);
        m.put("url", a.url);
        m.put("body", body);
        String line = JSON.writeValueAsString(m);
        if ("broken_record".equals(problem)) {
          line = line.substring(0, line.length() / 2);
        }
        out.write(line);
        out.write('\n');
      }
      records++;
    }

    private long countNewlines(String s) {
      return s.chars().filter(c -> c == '\n').count();
    }

    @Override
    public void close() throws IOException {
      if (printer != null) {
        printer.close();
      } else {
        out.close();
      }
    }
  }
}
