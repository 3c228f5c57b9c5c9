package org.frontline.ingest;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class LanguageTaggerTest {
  @Test
  void recognisesEnglishAndMarksOtherLanguages() {
    assertEquals("en", LanguageTagger.detect("Russia fired more than 100 drones overnight, targeting several regions "
        + "across the country, and two civilians were killed in the Dnipropetrovsk region.", 1000));
    assertEquals("uk", LanguageTagger.detect("Уночі росія атакувала Україну ударними безпілотниками, загинули двоє "
        + "мирних жителів у Дніпропетровській області, ще двоє людей поранені.", 1000));
    assertEquals("de", LanguageTagger.detect("In der Nacht griff Russland die Ukraine mit mehr als hundert Drohnen an, "
        + "in der Region Dnipropetrowsk wurden zwei Zivilisten getötet und zwei weitere verletzt.", 1000));
    assertEquals("und", LanguageTagger.detect("Kyiv 2026", 1000));
    assertEquals("en", LanguageTagger.detect("U.S., G7 allies meet after Russia invades Ukraine", 1000));
    assertEquals("en", LanguageTagger.detect("Azovstal commander says obeys order to save lives", 1000));
    assertEquals("fr", LanguageTagger.detect("La Russie a lancé plus de cent drones sur l'Ukraine pendant la nuit, "
        + "deux civils ont été tués et deux autres blessés dans la région de Dnipropetrovsk.", 1000));
    assertEquals("und", LanguageTagger.detect(null, 1000));
  }

  @Test
  void shortcutsAgreeWithTheScriptLookupAndTheLetterCount() {
    // ASCII, Latin-1 (ª is Latin, µ is not), Cyrillic, Greek, CJK, digits, an astral letter and a lone surrogate
    String alphabet = "aZ ,.1ªµÀßéñКиївΩλ漢\uD801\uDC00\uD800";
    Random r = new Random(3);
    for (int t = 0; t < 20_000; t++) {
      StringBuilder b = new StringBuilder();
      int n = r.nextInt(40);
      for (int i = 0; i < n; i++) {
        b.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String s = b.toString();
      boolean latin = s.chars().noneMatch(c -> Character.isLetter(c)
          && Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN);
      assertEquals(latin, LanguageTagger.isLatin(s), s);
      for (int k : new int[] {1, 5, 20}) {
        assertEquals(s.codePoints().filter(Character::isLetter).count() >= k, LanguageTagger.hasLetters(s, k), s);
      }
    }
  }

  /** The word test before it looked words up by their packed ASCII letters: substring, lower case, set. */
  private static boolean clearlyEnglishBefore(String sample, Set<String> english) {
    int words = 0;
    int hits = 0;
    int start = -1;
    for (int i = 0; i <= sample.length(); i++) {
      boolean letter = i < sample.length() && Character.isLetter(sample.charAt(i));
      if (letter && start < 0) {
        start = i;
      } else if (!letter && start >= 0) {
        words++;
        if (i - start <= 7 && english.contains(sample.substring(start, i).toLowerCase(Locale.ROOT))) {
          hits++;
        }
        start = -1;
      }
    }
    return words >= 12 ? hits * 8 >= words && LanguageTagger.isLatin(sample)
        : words >= 4 && hits >= 1 && LanguageTagger.isLatin(sample);
  }

  @Test
  void packedWordKeysFindTheSameEnglishWordsAsLowerCasedSubstrings() {
    List<String> english = List.of("the", "of", "and", "to", "is", "were", "that", "for",
        "with", "as", "by", "at", "from", "said", "says", "it", "its", "has", "have", "had", "be", "been", "are",
        "this", "their", "after", "which", "who", "not", "but", "they", "he", "she", "would", "over", "into",
        "about", "more", "than", "also", "against", "during", "while", "where", "when", "what");
    // the words' letters in both cases, the Kelvin sign (lower case "k"), dotted capital I, long s, Cyrillic,
    // digits and separators
    String letters = "theofandiswrTHEOFANDISWR\u212A\u0130\u017Fа1 ,.";
    Random r = new Random(11);
    for (int t = 0; t < 30_000; t++) {
      StringBuilder b = new StringBuilder();
      int words = r.nextInt(30);
      for (int w = 0; w < words; w++) {
        if (r.nextInt(3) == 0) {
          String e = english.get(r.nextInt(english.size()));
          b.append(r.nextBoolean() ? e : r.nextBoolean() ? e.toUpperCase(Locale.ROOT)
              : Character.toUpperCase(e.charAt(0)) + e.substring(1));
        } else {
          for (int i = 1 + r.nextInt(9); i > 0; i--) {
            b.append(letters.charAt(r.nextInt(letters.length())));
          }
        }
        b.append(r.nextInt(5) == 0 ? ", " : " ");
      }
      String text = b.toString();
      assertEquals(clearlyEnglishBefore(text, Set.copyOf(english)), LanguageTagger.clearlyEnglish(text),
          text);
    }
  }
}
