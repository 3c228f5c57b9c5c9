package org.frontline.extract;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class PlaceMatcherTest {
  static final PlaceMatcher M = Gazetteer.load().matcher();

  static String iso(String sentence) {
    List<PlaceMatcher.Hit> hits = M.find(sentence);
    return hits.isEmpty() ? "none" : hits.get(0).kind == Gazetteer.Kind.RIVER ? "river" : hits.get(0).iso;
  }

  @Test
  void spellingVariantsReachTheirOblast() {
    assertEquals("UA-30", iso("Drones hit Kyiv."));
    assertEquals("UA-30", iso("Drones hit Kiev."));
    assertEquals("UA-32", iso("Drones hit the Kyiv region."));
    assertEquals("UA-32", iso("Drones hit Kyiv Oblast."));
    assertEquals("UA-63", iso("Missiles hit Kharkov."));
    assertEquals("UA-12", iso("Missiles hit Dnepropetrovsk."));
    assertEquals("UA-12", iso("Missiles hit the Dnipropetrovsk region."));
    assertEquals("UA-12", iso("Missiles hit Dnipro."));
    assertEquals("UA-23", iso("Bombs fell on Zaporozhye."));
    assertEquals("UA-23", iso("Bombs fell on Zaporizhzhia."));
    assertEquals("UA-51", iso("Drones hit Odessa."));
    assertEquals("UA-51", iso("Drones hit Odesa."));
    assertEquals("UA-48", iso("Drones hit Nikolaev."));
    assertEquals("UA-48", iso("Drones hit Mykolaiv."));
    assertEquals("UA-35", iso("Drones hit the Kirovohrad region."));
    assertEquals("UA-35", iso("Drones hit Kropyvnytskyi."));
    assertEquals("UA-12", iso("A missile hit Kryvyi Rih."));
    assertEquals("UA-14", iso("A missile hit Sloviansk."));
  }

  @Test
  void theRiverIsNoPlaceAndRussianRegionsAreRussia() {
    assertEquals("river", iso("Troops shelled the left bank of the Dnipro river."));
    assertEquals("river", iso("Troops hold positions across the Dnipro near the city."));
    PlaceMatcher.Hit h = M.find("Drones hit the Belgorod region.").get(0);
    assertEquals("RU", h.country());
    assertEquals("RU-BEL", h.iso);
  }

  @Test
  void onlyPlacesUsedAsLocationsAreCued() {
    List<PlaceMatcher.Hit> talks = M.find("Talks between Kyiv and Moscow resumed.");
    assertEquals(2, talks.size());
    assertFalse(talks.get(0).cued);
    assertFalse(talks.get(1).cued);
    assertTrue(M.find("A drone struck an apartment block in Kharkiv.").get(0).cued);
    assertTrue(M.find("Kharkiv Mayor Ihor Terekhov said nine were hurt.").get(0).cued);
    assertTrue(M.find("Sumy came under fire.").get(0).cued);
    List<PlaceMatcher.Hit> list = M.find("Drones hit the Kyiv, Sumy and Odesa regions.");
    assertEquals(List.of("UA-32", "UA-59", "UA-51"), list.stream().map(x -> x.iso).toList());
    assertTrue(list.stream().allMatch(x -> x.cued));
  }
}
