package org.frontline.ingest;

import org.junit.jupiter.api.Test;

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
    java.util.Random r = new java.util.Random(3);
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
}
