package org.frontline.extract;

import org.ahocorasick.trie.PayloadEmit;
import org.ahocorasick.trie.PayloadTrie;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds gazetteer spellings in a sentence with one Aho–Corasick automaton (whole words, case-sensitive,
 * longest match wins: "Kyiv region" beats "Kyiv"), then applies the few rules a dictionary cannot express:
 * "the Dnipro" not followed by a region word is the river; "Kyiv and Chernihiv regions" makes Kyiv the
 * oblast; and whether each hit is used as a location ({@link LocationCue}).
 */
public final class PlaceMatcher {
  /** A place found in a sentence; {@code end} is exclusive. */
  public static final class Hit {
    public final int start;
    public final int end;
    public final String surface;
    public final Gazetteer.Kind kind;
    public final String iso;
    /** The city's one name for grouping ("Kharkov" and "Kharkiv" are both Kharkiv); null for oblasts. */
    public final String canonical;
    public final boolean cued;

    Hit(int start, int end, String surface, Gazetteer.Kind kind, String iso, String canonical, boolean cued) {
      this.start = start;
      this.end = end;
      this.surface = surface;
      this.kind = kind;
      this.iso = iso;
      this.canonical = kind == Gazetteer.Kind.CITY ? canonical : null;
      this.cued = cued;
    }

    public String country() {
      return iso == null ? null : iso.substring(0, 2);
    }

    /** A place on land with an ISO code (not a river, a sea or a multi-oblast area). */
    public boolean isPlace() {
      return iso != null && (kind == Gazetteer.Kind.CITY || kind == Gazetteer.Kind.OBLAST);
    }

    @Override
    public String toString() {
      return surface + "@" + start + "→" + kind + ":" + iso + (cued ? "(cued)" : "");
    }
  }

  private final PayloadTrie<Gazetteer.Entry> trie;

  public PlaceMatcher(Gazetteer gazetteer) {
    PayloadTrie.PayloadTrieBuilder<Gazetteer.Entry> b = PayloadTrie.<Gazetteer.Entry>builder()
        .onlyWholeWords().ignoreOverlaps();
    for (Gazetteer.Entry e : gazetteer.entries()) {
      b.addKeyword(e.surface, e);
    }
    this.trie = b.build();
  }

  /** Every place in the sentence, in order, with the river rule, the plural-region rule and location cues. */
  public List<Hit> find(String sentence) {
    List<Hit> raw = new ArrayList<>();
    if (sentence == null || sentence.isEmpty()) {
      return raw;
    }
    Set<String> namedOblasts = new HashSet<>();
    Collection<PayloadEmit<Gazetteer.Entry>> emits = trie.parseText(sentence);
    for (PayloadEmit<Gazetteer.Entry> e : emits) {
      if (e.getPayload().kind == Gazetteer.Kind.OBLAST && e.getPayload().iso != null) {
        namedOblasts.add(e.getPayload().iso);
      }
    }
    for (PayloadEmit<Gazetteer.Entry> e : emits) {
      Gazetteer.Entry entry = e.getPayload();
      int start = e.getStart();
      int end = e.getEnd() + 1;
      Gazetteer.Kind kind = entry.kind;
      String iso = entry.iso;
      if (kind == Gazetteer.Kind.CITY && !namedOblasts.contains(iso)) {
        // "Vilkhivka, Kharkiv Region": the oblast named beside an ambiguous town decides which one it is
        for (String alt : entry.alternates) {
          if (namedOblasts.contains(alt)) {
            iso = alt;
            break;
          }
        }
      }
      if (kind == Gazetteer.Kind.CITY && entry.surface.matches(".*(skyi|skyy|sky|ske|skyi's)")
          && sentence.startsWith(" district", end)) {
        continue; // "the Kyivskyi district" of a city, not a town of that name
      }
      if ("Dnipro".equals(entry.surface) && precededBy(sentence, start, "the ")) {
        kind = Gazetteer.Kind.RIVER;
        iso = null;
      }
      raw.add(new Hit(start, end, sentence.substring(start, end), kind, iso, entry.canonical, false));
    }
    raw.sort((a, c) -> Integer.compare(a.start, c.start));
    // "the Kyiv, Chernihiv and Sumy regions": the list's last region word applies to every name in it
    boolean[] plural = new boolean[raw.size()];
    for (int i = raw.size() - 1; i >= 0; i--) {
      Hit h = raw.get(i);
      plural[i] = h.kind == Gazetteer.Kind.OBLAST && (h.surface.endsWith("regions") || h.surface.endsWith("oblasts"));
      if (i + 1 < raw.size() && plural[i + 1] && h.kind == Gazetteer.Kind.CITY
          && LocationCue.isListGap(sentence.substring(h.end, raw.get(i + 1).start))) {
        String iso = "UA-30".equals(h.iso) ? "UA-32" : h.iso;
        raw.set(i, new Hit(h.start, h.end, h.surface, Gazetteer.Kind.OBLAST, iso, null, false));
        plural[i] = true;
      }
    }
    List<Hit> out = new ArrayList<>(raw.size());
    Hit previous = null;
    for (Hit h : raw) {
      boolean cued = h.isPlace() && !LocationCue.speaker(sentence, h.end) && (LocationCue.before(sentence, h.start)
          || LocationCue.after(sentence, h.end)
          || (previous != null && previous.cued && LocationCue.isListGap(sentence.substring(previous.end, h.start))));
      Hit c = new Hit(h.start, h.end, h.surface, h.kind, h.iso, h.canonical, cued);
      out.add(c);
      previous = c;
    }
    return out;
  }

  private static boolean precededBy(String s, int start, String word) {
    return start >= word.length() && s.regionMatches(true, start - word.length(), word, 0, word.length());
  }
}
