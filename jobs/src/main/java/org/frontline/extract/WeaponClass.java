package org.frontline.extract;

import java.util.Locale;

/** The six weapon classes of the coding rules; {@link #label()} is the value in the lake's tables. */
public enum WeaponClass {
  DRONE, MISSILE, ARTILLERY, AIRSTRIKE, GLIDE_BOMB, UNKNOWN;

  /** The table value: {@code drone}, {@code glide_bomb}, … */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The class of a table value. */
  public static WeaponClass of(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return label();
  }
}
