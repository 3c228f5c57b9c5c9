package org.frontline.cli;

import org.frontline.extract.ExtractJob;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Options of the extract stage, shared by {@code extract} and {@code run}. */
public final class ExtractOptions {
  @Option(names = "--as-of", paramLabel = "DATE",
      description = "the date (yyyy-MM-dd) articles without a publication date are read against; default: today (UTC)")
  String asOf;

  ExtractJob.Options toOptions() {
    if (asOf != null) {
      try {
        LocalDate.parse(asOf);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("--as-of must be a date like 2026-02-04, not '" + asOf + "'");
      }
    }
    return new ExtractJob.Options(asOf);
  }
}
