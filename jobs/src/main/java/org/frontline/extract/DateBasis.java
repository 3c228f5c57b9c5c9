package org.frontline.extract;

import java.util.Locale;

/**
 * How a mention's date was read; {@link #label()} is the value of {@code mentions.date_basis}.
 * {@link #AS_OF} only marks an article read against the run's date: its mentions are {@link #UNKNOWN} when
 * they give no date of their own.
 */
public enum DateBasis {
  /** A calendar date in the sentence. */
  EXPLICIT,
  /** "overnight", "yesterday", "on Tuesday", resolved against the publication. */
  RELATIVE,
  /** From an earlier sentence of the article. */
  INHERITED,
  /** No date given: the publication date. */
  PUBLISHED,
  /** An undated article read against its own first explicit date. */
  ANCHOR,
  /** An undated article read against the run's date. */
  AS_OF,
  /** "last week", "recently": no day. */
  VAGUE,
  /** The day cannot be known. */
  UNKNOWN;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return label();
  }
}
