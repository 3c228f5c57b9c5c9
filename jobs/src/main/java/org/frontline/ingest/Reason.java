package org.frontline.ingest;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/** Why a record was quarantined. The codes are stable: reports and tests group by them. */
public enum Reason {
  MALFORMED_JSON("the line is not a JSON object"),
  MALFORMED_CSV("the CSV could not be parsed from this record on; the rest of the file was not read"),
  WRONG_COLUMN_COUNT("the CSV record has a different number of fields than the header"),
  INVALID_UTF8("the record holds bytes that are not valid UTF-8"),
  TRUNCATED_INPUT("the file ends in the middle of a compressed stream or record"),
  UNREADABLE_FILE("the file could not be opened or decoded at all"),
  RECORD_TOO_LARGE("the record is larger than --max-record-bytes"),
  NO_ID("no document id (and none could be mapped)"),
  NO_TEXT("neither title nor text is left after cleaning"),
  ID_CONFLICT("another record has the same id but different text; the first by date, id and position is kept");

  public final String description;

  /** The description of a reason-code column, as a column (null for null). */
  public static Column describe(Column code) {
    Column out = functions.lit(null).cast("string");
    for (Reason r : values()) {
      out = functions.when(code.equalTo(r.name()), r.description).otherwise(out);
    }
    return out;
  }

  Reason(String description) {
    this.description = description;
  }
}
