package org.frontline.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** One strike an article describes. Offsets are into the article's text; {@code end} is exclusive. */
public final class Mention {
  public int sentenceIndex;
  public int sentenceStart;
  public int sentenceEnd;
  public String sentence;
  /** Where the sentence is: {@code text}, or {@code title} for an article that has only a headline. */
  public String field = "text";
  public final List<Integer> evidence = new ArrayList<>();
  public LocalDate eventDate;
  public DateBasis dateBasis;
  /** The sentence follows up an earlier strike (toll rising, rubble, missing people) rather than reporting it fresh. */
  public boolean followUp;
  public String country;
  /** Who struck: RU, UA or unknown ({@link Attackers}). */
  public String attacker = Attackers.UNKNOWN;
  public String regionIso;
  public String place;
  public String placeCanonical;
  public String placeKind;
  public WeaponClass weapon;
  public String weaponModel;
  public Integer launched;
  public String launchedQualifier;
  public Integer intercepted;
  public Integer killed;
  public Integer injured;
  public double confidence;
  boolean national;
  boolean ownDate;
  boolean ownWeapon;

  String key() {
    return eventDate + "|" + country + "|" + attacker + "|" + regionIso + "|" + weapon + "|" + placeCanonical;
  }

  boolean sameStrikeArea(Mention o) {
    return Objects.equals(eventDate, o.eventDate) && Objects.equals(country, o.country)
        && Objects.equals(attacker, o.attacker) && Objects.equals(regionIso, o.regionIso);
  }

  @Override
  public String toString() {
    return "Mention{" + eventDate + " " + dateBasis + " " + country + " by " + attacker + " " + regionIso
        + " '" + place + "' "
        + weapon + "/" + weaponModel + " launched=" + launched + "/" + launchedQualifier + " intercepted="
        + intercepted + " killed=" + killed + " injured=" + injured + " s" + sentenceIndex + " c="
        + String.format(Locale.ROOT, "%.2f", confidence) + "}";
  }
}
