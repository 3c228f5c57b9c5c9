package org.frontline.events;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.frontline.SparkTest;
import org.frontline.extract.ExtractJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** An official series of four nights (written for this test) against the national figures of a few reports. */
class SeriesEvalTest extends SparkTest {
  @TempDir
  Path dir;

  private static final String HEADER = "time_start,time_end,model,launch_place,target,target_main,launched,destroyed";

  private Path series(String... rows) throws Exception {
    List<String> lines = new ArrayList<>(List.of(HEADER));
    lines.addAll(List.of(rows));
    return Files.write(dir.resolve("series.csv"), lines);
  }

  @Test
  void theOfficialSeriesIsSummedPerMorningAndClassFromItsNationalRows() throws Exception {
    OfficialSeries.Read read = OfficialSeries.read(series(
        "2026-03-11 18:00,2026-03-12 09:00,Shahed-136/131,Kursk,Ukraine,,80,60",
        "2026-03-11 18:00,2026-03-12 09:00,Unknown UAV,,Ukraine,,4,4",
        "2026-03-11 18:00,2026-03-12 09:00,X-101/X-555,,Ukraine,,3,2",
        // a regional command's row and a reconnaissance drone are not national strike figures
        "2026-03-12 13:00,2026-03-12 13:00,X-59,,Dnipro,,1,1",
        "2026-03-11 18:00,2026-03-12 09:00,Orlan-10,,Ukraine,,2,2",
        "2026-03-13 18:00,2026-03-14 09:00,Shahed-136/131,,Ukraine,,50,40",
        // a row without its destroyed figure leaves the night's destroyed unknown, not 40
        "2026-03-13 18:00,2026-03-14 09:00,Unknown UAV,,Ukraine,,6,",
        // unreadable rows: a morning that is no date, a launched figure that is no number, too few cells
        "2026-01-05 18:00,05.01.2026 09:00,Shahed-136/131,,Ukraine,,10,9",
        "2026-03-13 18:00,2026-03-14 09:00,Shahed-136/131,,Ukraine,,x,1",
        "2026-03-13 18:00,2026-03-14 09:00"));
    assertEquals(List.of(
        new OfficialSeries.Night(LocalDate.parse("2026-03-12"), "drone", 84, 64L),
        new OfficialSeries.Night(LocalDate.parse("2026-03-12"), "missile", 3, 2L),
        new OfficialSeries.Night(LocalDate.parse("2026-03-14"), "drone", 56, null)), read.nights());
    assertEquals(3, read.skipped());
  }

  @Test
  void aSeriesWithoutTheColumnsItNeedsIsRefusedByName() throws Exception {
    Path bad = Files.write(dir.resolve("bad.csv"), List.of("date,model,launched", "2026-03-12,Shahed,5"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OfficialSeries.read(bad));
    assertTrue(e.getMessage().contains("[time_end, target, destroyed]"), e.getMessage());
  }

  @Test
  void newsNightsAreComparedWithTheSeriesNightByNight() throws Exception {
    List<Row> arts = List.of(
        RowFactory.create("a", "f.jsonl", Date.valueOf("2026-03-12"), "Outlet A", null, "Overnight attack",
            "Russia launched 84 drones and 3 missiles at Ukraine overnight, the Air Force said;"
                + " 64 drones were shot down."),
        RowFactory.create("b", "f.jsonl", Date.valueOf("2026-03-14"), "Outlet B", null, "Another night",
            "Russia launched 45 drones at Ukraine overnight, the Air Force said."),
        RowFactory.create("c", "f.jsonl", Date.valueOf("2026-03-16"), "Outlet C", null, "Third night",
            "Russia launched 20 drones at Ukraine overnight, the Air Force said."));
    Dataset<Row> articles = spark().createDataFrame(arts, new StructType()
        .add("doc_id", "string").add("source_file", "string").add("published_date", "date").add("source", "string")
        .add("url", "string").add("title", "string").add("text", "string"));
    List<SeriesEval.NewsNight> news = SeriesEval.news(EventsJob.events(ExtractJob.mentions(articles, "2026-11-27")));
    assertEquals(4, news.size(), news.toString());

    List<OfficialSeries.Night> official = OfficialSeries.read(series(
        "2026-03-11 18:00,2026-03-12 09:00,Shahed-136/131,,Ukraine,,84,64",
        "2026-03-11 18:00,2026-03-12 09:00,Kalibr,,Ukraine,,3,3",
        "2026-03-13 18:00,2026-03-14 09:00,Shahed-136/131,,Ukraine,,50,40",
        "2026-03-14 18:00,2026-03-15 09:00,Shahed-136/131,,Ukraine,,30,25",
        // outside the compared span
        "2026-02-01 18:00,2026-02-02 09:00,Shahed-136/131,,Ukraine,,10,10")).nights();
    Map<String, Object> s = SeriesEval.compare(official, news, LocalDate.parse("2026-03-01"),
        LocalDate.parse("2026-03-31"), 5);
    @SuppressWarnings("unchecked")
    Map<String, Object> drone = (Map<String, Object>) s.get("drone");
    assertEquals(3L, drone.get("official_nights"));
    assertEquals(2L, drone.get("covered"), "the 15th has no national figure in the news");
    assertEquals(0.5, drone.get("launched_exact_share"));
    assertEquals(2.5, drone.get("launched_median_abs_error"), "0 and 5");
    assertEquals(0.05, drone.get("launched_median_rel_error"), "0 and 5/50");
    assertEquals(1L, drone.get("intercepted_compared"));
    assertEquals(1.0, drone.get("intercepted_exact_share"));
    assertEquals(1L, drone.get("news_only_nights"), "the 16th is not in the series");
    @SuppressWarnings("unchecked")
    Map<String, Object> all = (Map<String, Object>) s.get("all");
    assertEquals(4L, all.get("official_nights"));
    assertEquals(3L, all.get("covered"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> worst = (List<Map<String, Object>>) s.get("worst");
    // the nights the corpus could report: an article published on the morning or the day after
    @SuppressWarnings("unchecked")
    Map<String, Object> reportable = (Map<String, Object>) SeriesEval.compare(official, news,
        LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31"), 5,
        SeriesEval.publishedDays(articles)).get("all");
    assertEquals(4L, reportable.get("official_nights_with_articles"), "the 15th by the article of the 16th");
    assertEquals(3L, reportable.get("covered_of_nights_with_articles"));
    assertEquals(0.75, reportable.get("coverage_of_nights_with_articles"));
    Map<String, Object> narrow = (Map<String, Object>) SeriesEval.compare(official, news, null, null, 5,
        java.util.Set.of(LocalDate.parse("2026-03-12"))).get("all");
    assertEquals(2L, narrow.get("official_nights_with_articles"), "only the 12th's two classes");
    assertEquals(1, worst.size(), "only the nights that miss");
    assertEquals("2026-03-14", worst.get(0).get("morning"));
    assertEquals(50L, worst.get(0).get("official_launched"));
    assertEquals(45.0, worst.get(0).get("news_launched"));
    assertTrue(((String) worst.get(0).get("sentence")).contains("45 drones"), worst.toString());
    assertEquals(List.of("b"), worst.get(0).get("doc_ids"));
  }
}
