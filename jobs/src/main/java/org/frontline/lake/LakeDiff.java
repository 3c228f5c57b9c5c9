package org.frontline.lake;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import static org.apache.spark.sql.functions.*;

/**
 * Compares the tables of two lakes row for row, as multisets: the same rows, each as many times, whatever their
 * order or file layout. Each table also gets an order-independent content fingerprint (row count and the XOR
 * and the wrapping sum of a 64-bit hash of every row), so a lake can be compared with one seen earlier from its
 * fingerprints alone.
 */
public final class LakeDiff {
  private LakeDiff() {}

  /** The outcome for one table; {@code onlyLeft}/{@code onlyRight} count rows (with multiplicity). */
  public record TableDiff(String table, boolean inLeft, boolean inRight, long rowsLeft, long rowsRight,
                          long onlyLeft, long onlyRight, String schemaProblem, String fingerprintLeft,
                          String fingerprintRight) {
    public boolean same() {
      return inLeft == inRight && schemaProblem == null && onlyLeft == 0 && onlyRight == 0;
    }

    public String line() {
      if (!inLeft && !inRight) {
        return String.format(Locale.ROOT, "%-15s absent from both", table);
      }
      if (inLeft != inRight) {
        return String.format(Locale.ROOT, "%-15s DIFFERENT: only in the %s lake", table, inLeft ? "left" : "right");
      }
      if (schemaProblem != null) {
        return String.format(Locale.ROOT, "%-15s DIFFERENT: %s", table, schemaProblem);
      }
      return String.format(Locale.ROOT, "%-15s %s  rows %,d / %,d%s  fingerprint %s", table,
          same() ? "identical" : "DIFFERENT", rowsLeft, rowsRight,
          same() ? "" : String.format(Locale.ROOT, ", %,d only left, %,d only right", onlyLeft, onlyRight),
          fingerprintLeft.equals(fingerprintRight) ? fingerprintLeft : fingerprintLeft + " vs " + fingerprintRight);
    }
  }

  /** Compares one table of two lakes. */
  public static TableDiff compare(String table, Lake left, Lake right) {
    boolean l = left.exists(table);
    boolean r = right.exists(table);
    if (!l || !r) {
      return new TableDiff(table, l, r, 0, 0, 0, 0, null, "", "");
    }
    Dataset<Row> a = left.read(table);
    Dataset<Row> b = right.read(table);
    List<String> ca = Arrays.asList(a.columns());
    List<String> cb = Arrays.asList(b.columns());
    if (!new TreeSet<>(ca).equals(new TreeSet<>(cb))) {
      return new TableDiff(table, true, true, 0, 0, 0, 0, "columns differ: " + ca + " vs " + cb, "", "");
    }
    Dataset<Row> bb = b.select(ca.stream().map(LakeDiff::quoted).toArray(Column[]::new));
    if (!a.schema().sameType(bb.schema())) {
      return new TableDiff(table, true, true, 0, 0, 0, 0, "column types differ: " + a.schema().simpleString()
          + " vs " + bb.schema().simpleString(), "", "");
    }
    a = a.cache();
    bb = bb.cache();
    try {
      Fingerprint fa = fingerprint(a);
      Fingerprint fb = fingerprint(bb);
      long onlyA = a.exceptAll(bb).count();
      long onlyB = bb.exceptAll(a).count();
      return new TableDiff(table, true, true, fa.rows, fb.rows, onlyA, onlyB, null, fa.text(), fb.text());
    } finally {
      a.unpersist();
      bb.unpersist();
    }
  }

  /** Every data table of {@link Tables#DATA_TABLES}. */
  public static List<TableDiff> compare(Lake left, Lake right) {
    List<TableDiff> out = new ArrayList<>();
    for (String t : Tables.DATA_TABLES) {
      out.add(compare(t, left, right));
    }
    return out;
  }

  /** Row count, XOR and wrapping sum of the rows' 64-bit hashes (column order as given). */
  public record Fingerprint(long rows, long xor, long sum) {
    public String text() {
      return String.format(Locale.ROOT, "%d:%016x:%016x", rows, xor, sum);
    }
  }

  public static Fingerprint fingerprint(Dataset<Row> rows) {
    Column h = xxhash64(Arrays.stream(rows.columns()).map(LakeDiff::quoted).toArray(Column[]::new));
    // the wrapping sum: reduce the hash to 32 bits so the sum of up to 2^31 rows cannot overflow a long
    Row r = rows.select(h.as("h")).agg(count(lit(1)), bit_xor(col("h")),
        sum(col("h").bitwiseAND(lit(0xFFFFFFFFL)))).first();
    return new Fingerprint(r.getLong(0), r.isNullAt(1) ? 0 : r.getLong(1), r.isNullAt(2) ? 0 : r.getLong(2));
  }

  /** A column by name, whatever characters the name holds. */
  private static Column quoted(String name) {
    return col("`" + name.replace("`", "``") + "`");
  }
}
