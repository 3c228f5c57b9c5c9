package org.frontline.extract;

/** How sure a mention is. */
final class Confidence {
  private Confidence() {}

  /**
   * How sure the mention is, 0–1: a located or national strike starts at 0.5; a date of its own, a named
   * weapon and figures each add; a date read against the run date instead of the publication lowers it.
   */
  static double of(Mention m) {
    double c = 0.5;
    c += m.ownDate ? 0.15 : m.dateBasis == DateBasis.INHERITED ? 0.1 : 0.0;
    c += m.weapon == WeaponClass.UNKNOWN ? 0.0 : m.ownWeapon ? 0.15 : 0.1;
    c += m.launched != null || m.killed != null || m.injured != null || m.intercepted != null ? 0.15 : 0.0;
    c += m.evidence.size() > 1 ? 0.05 : 0.0;
    c -= m.dateBasis == DateBasis.UNKNOWN || m.dateBasis == DateBasis.VAGUE ? 0.15 : 0.0;
    return Math.round(Math.max(0.05, Math.min(1.0, c)) * 100) / 100.0;
  }
}
