package org.frontline.ingest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class TextNormalizerTest {
  @Test
  void foldsSpacesAndLineBreaksAndTrims() {
    assertEquals("one two\nthree", TextNormalizer.fold("  one \t\u00a0two \n \n\f three\u3000 "));
    assertEquals("a\nb", TextNormalizer.fold("a\u2028b"));
    assertEquals("a b", TextNormalizer.fold("a\rb"));
    assertEquals("", TextNormalizer.fold(" \n\t "));
  }

  @Test
  void dropsControlAndZeroWidthCharacters() {
    assertEquals("abcd", TextNormalizer.fold("ab\u200bc\u0000d\ufeff"));
    assertEquals("a b", TextNormalizer.fold("a \u200b b"));
    assertEquals("a\u0085b", TextNormalizer.fold("a\u0085b"));
  }

  @Test
  void returnsTheSameStringWhenNothingChanges() {
    String clean = "Russia fired more than 100 drones overnight.\nTwo civilians were killed.";
    assertSame(clean, TextNormalizer.fold(clean));
    assertEquals("x", TextNormalizer.fold("x \n"));
  }

  @Test
  void decodesEntitiesAndComposesBeforeFolding() {
    assertEquals("Caf\u00e9 & bar", TextNormalizer.normalize("Cafe\u0301&nbsp;&amp;&#32;bar"));
    assertEquals("x y", TextNormalizer.normalize("x&#13;y"));
    assertNull(TextNormalizer.normalize(null));
  }
}
