package org.frontline.lake;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import static org.apache.spark.sql.functions.lit;

/**
 * The articles a night may have changed, as the incremental stages take them: {@code ids} (one {@code doc_id}
 * column, materialised), including articles no longer in {@code articles} (demoted to duplicates, or
 * withdrawn from a file sent again), and the
 * publication days of all of them ({@code undated}: some have none). Every row the tables keyed by article
 * ({@code articles}, {@code mentions}, {@code article_topics}, all partitioned by publication day) hold for
 * these articles lies in those days, so that reading or deleting them touches only those days' partitions.
 */
public record ChangedArticles(Dataset<Row> ids, List<LocalDate> days, boolean undated) {
  public ChangedArticles {
    days = List.copyOf(days);
  }

  /** The changed articles still in {@code articles}, read from their days' partitions only. */
  public Dataset<Row> read(Lake lake) {
    return lake.read(Tables.ARTICLES).filter(inDays("published_date"))
        .join(ids.select("doc_id"), new String[] {"doc_id"}, "left_semi");
  }

  /**
   * True for a row whose {@code dateColumn} is one of the changed articles' days (or null, if some are
   * undated); {@code dateColumn} may be qualified ({@code t.published_date} in a MERGE). Above
   * {@link Lake#MAX_PRUNED_DAYS} days (a backfill of years) it holds for every row.
   */
  public Column inDays(String dateColumn) {
    Column on = Lake.onDays(dateColumn, days.stream().map(Date::valueOf).toList(), undated);
    return on == null ? lit(true) : on;
  }
}
