package org.frontline.notebook;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kernel without Jupyter: cells in, values and display data out (the protocol is jjava-jupyter's). */
class JavaKernelTest {
  @TempDir
  static Path dir;
  static JavaKernel kernel;

  @BeforeAll
  static void start() {
    System.setProperty("frontline.lake", dir.resolve("lake").toString());
    kernel = new JavaKernel(true);
    kernel.onStartup();
    // a small lake: three events in two oblasts, written as Delta like the jobs do
    kernel.evalRaw("""
        spark.sql("SELECT * FROM VALUES (DATE'2026-03-01', 'UA-12', 2), (DATE'2026-03-02', 'UA-12', 0),"
            + " (DATE'2026-03-02', 'UA-63', 1) AS t(event_date, region_iso, killed)")
            .write().format("delta").save(Notebook.lakePath() + "/events");
        """);
  }

  @AfterAll
  static void stop() {
    kernel.onShutdown(false);
  }

  @Test
  void aCellIsSeveralSnippetsAndShowsItsLastExpression() {
    assertEquals(3, kernel.evalRaw("1 + 2"));
    assertEquals(42, kernel.evalRaw("int a = 6;\nint b = 7;\n// the answer\na * b"));
    assertNull(kernel.evalRaw("int c = 1;"), "a declaration shows nothing");
    assertEquals("x1", kernel.evalRaw("String f(int i) { return \"x\" + i; }\nf(c)"));
  }

  @Test
  void theSessionAndTheLakeAreReady() {
    assertEquals("local[*]", kernel.evalRaw("spark.sparkContext().master()"));
    DisplayData tables = kernel.eval("Notebook.tables()");
    String html = (String) tables.getData(MIMEType.TEXT_HTML);
    assertTrue(html.contains("<td style=\"text-align:left\">events</td>"), html);
    assertTrue(html.contains("<td style=\"text-align:right\">3</td>"), html);
    Object n = kernel.evalRaw("Notebook.sql(\"SELECT sum(killed) AS k FROM events WHERE region_iso = 'UA-12'\")"
        + ".first().getLong(0)");
    assertEquals(2L, n);
  }

  @Test
  void aDatasetIsShownAsAnEscapedHtmlTableWithTypes() {
    DisplayData d = kernel.eval("spark.sql(\"SELECT '<b>x</b>' AS s, 1.5D AS v, array(1,2) AS a, 2D / 3 AS f\")");
    String html = (String) d.getData(MIMEType.TEXT_HTML);
    assertTrue(html.contains("&lt;b&gt;x&lt;/b&gt;") && !html.contains("<b>x</b>"), html);
    assertTrue(html.contains("<small>double</small>") && html.contains("[1, 2]"), html);
    assertTrue(html.contains("1 row"), html);
    assertTrue(((String) d.getData(MIMEType.TEXT_PLAIN)).startsWith("s\tv\ta\tf\n<b>x</b>\t1.5\t[1, 2]\t0.6667"),
        (String) d.getData(MIMEType.TEXT_PLAIN));
    String many = (String) kernel.eval("spark.range(100)").getData(MIMEType.TEXT_HTML);
    assertEquals(20, many.split("<tr>").length - 2, "20 rows and the header");
    assertTrue(many.contains("first 20 rows"));
  }

  @Test
  void aChartIsShownAsSvg() {
    DisplayData d = kernel.eval("Charts.lines(Notebook.table(Tables.EVENTS).groupBy(\"event_date\", \"region_iso\")"
        + ".agg(count(lit(1)).as(\"events\")), \"event_date\", \"region_iso\", \"events\", \"Events per day\")");
    String svg = (String) d.getData(MIMEType.IMAGE_SVG);
    assertTrue(svg.startsWith("<svg") && svg.contains("Events per day") && svg.contains("UA-63"), svg.substring(0,
        Math.min(300, svg.length())));
    String html = (String) d.getData(MIMEType.TEXT_HTML);
    String b64 = html.replaceAll("(?s).*base64,([^\"]+)\".*", "$1");
    assertEquals(svg, new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8),
        "the HTML shows the same SVG as an image");
  }

  @Test
  void errorsSayWhatWentWrongAndWhere() {
    JavaKernel.NotebookException compile = assertThrows(JavaKernel.NotebookException.class,
        () -> kernel.evalRaw("int x = \"text\";"));
    assertTrue(compile.getMessage().contains("incompatible types") && compile.getMessage().contains("int x"),
        compile.getMessage());
    JavaKernel.NotebookException runtime = assertThrows(JavaKernel.NotebookException.class,
        () -> kernel.evalRaw("int zero = 0;\n10 / zero"));
    assertTrue(runtime.getMessage().startsWith("java.lang.ArithmeticException: / by zero"), runtime.getMessage());
    List<String> lines = kernel.formatError(runtime);
    assertEquals("java.lang.ArithmeticException: / by zero", lines.get(0));
    JavaKernel.NotebookException spark = assertThrows(JavaKernel.NotebookException.class,
        () -> kernel.evalRaw("Notebook.table(\"no_such_table\")"));
    assertTrue(spark.getMessage().contains("table 'no_such_table' does not exist"), spark.getMessage());
    // the kernel goes on after errors
    assertEquals(5, kernel.evalRaw("2 + 3"));
  }

  @Test
  void aNotebookRunsTheFullPipelineAndThenANight() throws IOException {
    // two nights of a small corpus, written here in the test's own words
    Path first = dir.resolve("night-1.jsonl");
    Files.writeString(first, String.join("\n",
        article("n1", "2026-03-04T08:00:00Z", "Drones hit Kharkiv", "Russian drones struck Kharkiv overnight,"
            + " killing two civilians and injuring five, the regional governor said."),
        article("n2", "2026-03-04T09:00:00Z", "Grain exports", "Ukraine's grain exports rose in February,"
            + " the agriculture ministry said on Wednesday."),
        "{not json"));
    Path second = dir.resolve("night-2.jsonl");
    Files.writeString(second, article("n3", "2026-03-05T07:30:00Z", "Missile strike on Odesa",
        "A Russian missile struck a warehouse in Odesa overnight, injuring three workers, the regional"
        + " administration said."));
    String before = (String) kernel.evalRaw("Notebook.lakePath()");
    try {
      kernel.evalRaw("Notebook.useLake(\"" + dir.resolve("run-lake") + "\")");
      String run = kernel.evalRaw("Notebook.run(\"" + first + "\").toString()").toString();
      assertTrue(run.contains("\"command\" : \"run\"") || run.contains("\"command\":\"run\""), run);
      assertEquals(true, kernel.evalRaw("Notebook.run(Pipelines.single(Pipelines.events()), \"events\", "
          + "List.of()).reconciled()"));
      assertEquals(1L, kernel.evalRaw("Notebook.sql(\"SELECT count(*) FROM quarantine\").first().getLong(0)"));
      assertEquals(1L, kernel.evalRaw("Notebook.sql(\"SELECT count(*) FROM events WHERE region_iso = 'UA-63'\")"
          + ".first().getLong(0)"));
      String night = kernel.evalRaw("Notebook.nightly(\"2026-03-05\", \"" + second + "\").toString()").toString();
      assertTrue(night.contains("2026-03-05"), night);
      assertEquals(3L, kernel.evalRaw("Notebook.table(Tables.ARTICLES).count() + 0L"), "kept articles of both nights");
      assertEquals(1L, kernel.evalRaw("Notebook.sql(\"SELECT count(*) FROM events WHERE region_iso = 'UA-51'\")"
          + ".first().getLong(0)"), "the view shows the night's events");
      assertTrue(Files.isRegularFile(dir.resolve("run-lake/reports/2026-03-05/report.html")));
    } finally {
      kernel.evalRaw("Notebook.useLake(\"" + before + "\")");
    }
    assertEquals(2L, kernel.evalRaw("Notebook.sql(\"SELECT sum(killed) FROM events WHERE region_iso = 'UA-12'\")"
        + ".first().getLong(0)"), "back on the first lake");
  }

  private static String article(String id, String published, String title, String body) {
    return "{\"doc_id\":\"" + id + "\",\"published\":\"" + published + "\",\"title\":\"" + title
        + "\",\"outlet\":\"Test Wire\",\"url\":\"https://news.example/" + id + "\",\"body\":\"" + body + "\"}";
  }
}
