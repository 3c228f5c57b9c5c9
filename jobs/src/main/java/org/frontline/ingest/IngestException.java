package org.frontline.ingest;

/** An input problem the user can fix (missing file, unknown format); the CLI prints it as one line. */
public final class IngestException extends RuntimeException {
  public IngestException(String message) {
    super(message);
  }
}
