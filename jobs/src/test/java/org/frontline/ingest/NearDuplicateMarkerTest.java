package org.frontline.ingest;

import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.ml.feature.NGram;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.frontline.SparkTest;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.apache.spark.sql.functions.*;
import static org.junit.jupiter.api.Assertions.*;

/** The near-duplicate thresholds on hand-written reports (see NearDuplicateMarker for the figures). */
class NearDuplicateMarkerTest extends SparkTest {
  static final String ORIGINAL = String.join(" ",
      "Russian forces struck the city of Zaporizhzhia with guided aerial bombs on Tuesday afternoon.",
      "The regional governor said three people were killed and eleven were injured in the attack.",
      "An apartment block and a kindergarten were damaged, and rescuers pulled two women from the rubble.",
      "Power was cut to several districts while engineers inspected the damaged substation.",
      "The city has been shelled almost every day since the front line moved closer in the autumn.",
      "Residents were urged to stay in shelters until the air raid alert was lifted.",
      "Officials said the strike was one of the heaviest on the city this month.",
      "Emergency crews continued to work at the site late into the evening.");

  static final String CHANGED_SENTENCE = ORIGINAL.replace(
      "Power was cut to several districts while engineers inspected the damaged substation.",
      "Electricity supplies were interrupted in parts of the city, the energy company reported.");

  static final String OTHER_REPORT_SAME_STRIKE = String.join(" ",
      "At least three civilians died when Russia dropped glide bombs on Zaporizhzhia, officials said.",
      "Eleven others needed hospital treatment after Tuesday's raid on the southern city.",
      "A residential building and a preschool were hit, according to the governor's Telegram channel.",
      "Zaporizhzhia lies about thirty kilometres from the front and is struck regularly.",
      "The attack came hours after Ukraine's foreign minister called for more air defence systems.");

  @Test
  void anExactCopyOfANearDuplicatePointsToTheGroupsRepresentative() {
    Dataset<Row> docs = strings(cols("doc_id", "content", "dup_kind", "duplicate_of"),
            row("a", ORIGINAL, null, null), row("b", CHANGED_SENTENCE, null, null),
            row("c", CHANGED_SENTENCE, "exact", "b"))
        .withColumn("priority", lit(1))
        .withColumn("published_at", to_timestamp(lit("2026-02-04 08:00:00")))
        .withColumn("source_file", lit("f"))
        .withColumn("position", lit(0L));
    Map<String, String> to = new HashMap<>();
    for (Row r : new NearDuplicateMarker().transform(docs).select("doc_id", "duplicate_of").collectAsList()) {
      to.put(r.getString(0), r.getString(1));
    }
    assertNull(to.get("a"));
    assertEquals("a", to.get("b"));
    assertEquals("a", to.get("c"));
  }

  @Test
  void rowsCarryingASignatureAreMatchedWithoutTheirTextAndOthersAreSigned() {
    NearDuplicateMarker marker = new NearDuplicateMarker();
    Dataset<Row> docs = strings(cols("doc_id", "content", "dup_kind", "duplicate_of"),
            row("a", ORIGINAL, null, null), row("b", CHANGED_SENTENCE, null, null),
            row("c", OTHER_REPORT_SAME_STRIKE, null, null))
        .withColumn("priority", lit(1))
        .withColumn("published_at", to_timestamp(lit("2026-02-04 08:00:00")))
        .withColumn("source_file", lit("f"))
        .withColumn("position", lit(0L));
    // a's signature as band_keys stores it, its text gone; b and c have a text and no signature yet
    Dataset<Row> signed = marker.sign(docs);
    Dataset<Row> mixed = signed.where(col("doc_id").equalTo("a")).withColumn("content", lit(null).cast("string"))
        .unionByName(signed.where(col("doc_id").notEqual("a"))
            .withColumn(NearDuplicateMarker.SHINGLES, lit(null).cast("binary"))
            .withColumn(NearDuplicateMarker.NUMBERS, lit(null).cast("binary"))
            .withColumn(NearDuplicateMarker.BAND_KEYS, lit(null).cast("array<bigint>")));
    assertEquals(signed.orderBy("doc_id").select(NearDuplicateMarker.BAND_KEYS).collectAsList(),
        marker.sign(mixed).orderBy("doc_id").select(NearDuplicateMarker.BAND_KEYS).collectAsList());
    Map<String, String> to = new HashMap<>();
    for (Row r : marker.transform(mixed).select("doc_id", "duplicate_of").collectAsList()) {
      to.put(r.getString(0), r.getString(1));
    }
    assertNull(to.get("a"));
    assertEquals("a", to.get("b"));
    assertNull(to.get("c"));
    assertEquals("shingles=3 features=4194304 bands=20x4 seed=20260204", marker.scheme());
    assertEquals(0, ((Row) marker.sign(strings(cols("doc_id", "content"), row("x", "  ...  ")))
        .select(NearDuplicateMarker.BAND_KEYS).first()).getList(0).size(), "no shingle, no band key");
  }

  @Test
  void recurringReportsWithOtherFiguresAreNotCopies() {
    String day1 = "Operational update of the General Staff as of 6:00 pm on 8 October. Since the start of the war "
        + "more than 1,211 children were injured and 421 children were killed, juvenile prosecutors said. "
        + "The figures are not final, as work continues in the occupied and front-line areas.";
    String day2 = day1.replace("8 October", "9 October").replace("1,211", "1,219").replace("421", "423");
    Map<String, String[]> m = mark("d1", day1, "d2", day2);
    assertNull(m.get("d2")[0], "same wording, other figures");
    Map<String, String[]> same = mark("d1", day1, "d2",
        day1.replace("The figures are not final", "These numbers are preliminary"));
    assertEquals("near", same.get("d2")[0], "same figures, one phrase reworded");
  }

  @Test
  void shinglesAreThoseOfSparksTokenizerNGramAndHash() {
    String[] texts = {ORIGINAL, OTHER_REPORT_SAME_STRIKE, "Two words", "one", "  ...  ", "",
        "Харків: 3 ракети, 12 дронів — «Шахед-136» ÉCOLE Straße İstanbul ½ ٣ x²", "a\nb\tc-d e_f 1,211 4.5",
        "emoji \uD83D\uDE00 between \uD835\uDC00bc words", "lone \uD800 surrogate here"};
    List<String[]> rows = new ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      rows.add(row("d" + i, texts[i]));
    }
    // and random texts over letters of one to four UTF-8 bytes, digits, separators and emoji
    String[] pool = {"a", "Z", "7", " ", " ", "\n", "-", ",", "é", "Ж", "ß", "İ", "中", "٣",
        "\uD83D\uDE00", "\uD835\uDC00", "x²"};
    Random random = new Random(5);
    for (int i = 0; i < 300; i++) {
      StringBuilder b = new StringBuilder();
      for (int k = random.nextInt(40); k > 0; k--) {
        b.append(pool[random.nextInt(pool.length)]);
      }
      rows.add(row("r" + i, b.toString()));
    }
    Dataset<Row> docs = strings(cols("doc_id", "content"), rows.toArray(new String[0][]));
    Dataset<Row> tokens = new RegexTokenizer().setInputCol("content").setOutputCol("t")
        .setPattern("[^\\p{L}\\p{N}]+").setMinTokenLength(1).setToLowercase(true).transform(docs);
    Dataset<Row> grams = new NGram().setN(3).setInputCol("t").setOutputCol("g")
        .transform(tokens);
    Column shingles = when(size(col("g")).gt(0), col("g")).otherwise(col("t"));
    List<Row> expected = grams.select(col("content"), sort_array(array_distinct(transform(shingles,
        x -> pmod(hash(x), lit(NearDuplicateMarker.NUM_FEATURES)))))).collectAsList();
    for (Row r : expected) {
      int[] want = r.getList(1).stream().mapToInt(x -> (Integer) x).toArray();
      assertArrayEquals(want, Shingles.indices(r.getString(0), 3, NearDuplicateMarker.NUM_FEATURES), r.getString(0));
    }
  }

  @Test
  void minHashesAreThoseOfSparksMinHashLshModel() {
    NearDuplicateMarker marker = new NearDuplicateMarker();
    MinHashLSHModel model = marker.minHashModel(spark());
    Dataset<Row> docs = strings(cols("doc_id", "content"), row("a", ORIGINAL), row("b", OTHER_REPORT_SAME_STRIKE))
        .withColumn("published_at", lit(null).cast("timestamp"));
    Tuple2<Object, Object>[] c = model.randCoefficients();
    int[] a = new int[c.length];
    int[] b = new int[c.length];
    for (int k = 0; k < c.length; k++) {
      a[k] = (Integer) c[k]._1();
      b[k] = (Integer) c[k]._2();
    }
    for (Row r : marker.shingle(docs).collectAsList()) {
      int[] idx = NearDuplicateMarker.unpack((byte[]) r.get(1));
      Vector v = Vectors.sparse(NearDuplicateMarker.NUM_FEATURES,
          idx, Arrays.stream(idx).mapToDouble(x -> 1.0).toArray());
      Dataset<Row> one = spark().createDataFrame(List.of(RowFactory.create(v)),
          new StructType().add("__vec", new VectorUDT()));
      List<Vector> expected = model.transform(one).first().getList(1);
      long[] mine = NearDuplicateMarker.minHashes(idx, a, b);
      assertEquals(80, mine.length);
      for (int k = 0; k < mine.length; k++) {
        assertEquals(expected.get(k).apply(0), (double) mine[k], "hash function " + k);
      }
    }
  }

  @Test
  void packedSetsKeepTheirIndicesAndScoreLikeTheSetFormula() {
    Random random = new Random(7);
    for (int round = 0; round < 500; round++) {
      int[] a = randomSet(random);
      int[] b = random.nextInt(4) == 0 ? a.clone() : randomSet(random);
      assertArrayEquals(a, NearDuplicateMarker.unpack(NearDuplicateMarker.pack(a)));
      Set<Integer> sa = new HashSet<>();
      Set<Integer> union = new HashSet<>();
      for (int x : a) {
        sa.add(x);
        union.add(x);
      }
      int common = 0;
      for (int x : b) {
        union.add(x);
        common += sa.contains(x) ? 1 : 0;
      }
      double expected = union.isEmpty() ? 0.5 : (double) common / union.size();
      assertEquals(expected, NearDuplicateMarker.jaccard(NearDuplicateMarker.pack(a), NearDuplicateMarker.pack(b), 0.5),
          1e-15, "round " + round);
    }
  }

  /** Sorted distinct indices in [0, NUM_FEATURES), dense in a small range so that two sets overlap. */
  private static int[] randomSet(Random random) {
    int base = random.nextInt(NearDuplicateMarker.NUM_FEATURES - 400);
    return random.ints(random.nextInt(120), base, base + 400).distinct().sorted().toArray();
  }

  @Test
  void numbersAreThoseTheRegularExpressionsFindAndScoreLikeTheSetFormula() {
    Random random = new Random(11);
    String[] pieces = {"1", "12", "200", "1,200", "1,20", "3,4567", ",123", "1,,234", "007", "7", "2026", "a", " ",
        ",", ".", "-", "\u0663", "x9", "10,000,000", "5,000s"};
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      StringBuilder b = new StringBuilder();
      for (int k = random.nextInt(9); k > 0; k--) {
        b.append(pieces[random.nextInt(pieces.length)]);
      }
      rows.add(RowFactory.create(b.toString()));
    }
    Dataset<Row> texts = spark().createDataFrame(rows, new StructType().add("t", "string"));
    List<Row> expected = texts.select(col("t"), array_distinct(regexp_extract_all(
        regexp_replace(col("t"), "(?<=\\d),(?=\\d{3})", ""), lit("\\d+"), lit(0)))).collectAsList();
    List<Set<String>> sets = new ArrayList<>();
    for (Row r : expected) {
      Set<String> want = new TreeSet<>(r.getList(1));
      String packed = new String(NearDuplicateMarker.numbers(r.getString(0)), StandardCharsets.US_ASCII);
      assertEquals(String.join(",", want), packed, "numbers of '" + r.getString(0) + "'");
      sets.add(want);
    }
    for (int i = 0; i + 1 < expected.size(); i++) {
      Set<String> a = sets.get(i);
      Set<String> b = sets.get(i + 1 + random.nextInt(Math.min(3, expected.size() - i - 1)));
      Set<String> union = new HashSet<>(a);
      union.addAll(b);
      long common = a.stream().filter(b::contains).count();
      double want = union.isEmpty() ? 1.0 : (double) common / union.size();
      byte[] pa = String.join(",", a).getBytes(StandardCharsets.US_ASCII);
      byte[] pb = String.join(",", b).getBytes(StandardCharsets.US_ASCII);
      assertEquals(want, NearDuplicateMarker.numberSimilarity(pa, pb), 1e-15, a + " vs " + b);
    }
  }

  private static Map<String, String[]> mark(String... idText) {
    List<String[]> rows = new ArrayList<>();
    for (int i = 0; i < idText.length; i += 2) {
      rows.add(row(idText[i], idText[i + 1]));
    }
    Dataset<Row> docs = strings(cols("doc_id", "content"), rows.toArray(new String[0][]))
        .withColumn("priority", lit(1))
        .withColumn("published_at", to_timestamp(lit("2026-02-04 08:00:00")))
        .withColumn("source_file", lit("f"))
        .withColumn("position", lit(0L))
        .withColumn("dup_kind", lit(null).cast("string"))
        .withColumn("duplicate_of", lit(null).cast("string"));
    Map<String, String[]> out = new HashMap<>();
    for (Row r : new NearDuplicateMarker().transform(docs).select("doc_id", "dup_kind", "duplicate_of", "similarity")
        .collectAsList()) {
      out.put(r.getString(0),
          new String[] {r.getString(1), r.getString(2), r.isNullAt(3) ? null : String.valueOf(r.getDouble(3))});
    }
    return out;
  }

  @Test
  void aCopyWithOneChangedSentenceIsADuplicateOfTheFirst() {
    Map<String, String[]> m = mark("a", ORIGINAL, "b", CHANGED_SENTENCE);
    assertNull(m.get("a")[0]);
    assertEquals("near", m.get("b")[0]);
    assertEquals("a", m.get("b")[1]);
    assertTrue(Double.parseDouble(m.get("b")[2]) >= 0.6 && Double.parseDouble(m.get("b")[2]) < 1.0, m.get("b")[2]);
  }

  @Test
  void twoDifferentReportsOfTheSameStrikeAreNot() {
    Map<String, String[]> m = mark("a", ORIGINAL, "b", OTHER_REPORT_SAME_STRIKE);
    assertNull(m.get("a")[0]);
    assertNull(m.get("b")[0]);
  }

  @Test
  void aGroupPointsToOneRepresentativeEvenThroughAChain() {
    String second = CHANGED_SENTENCE;
    String third = second.replace("Officials said the strike was one of the heaviest on the city this month.",
        "The mayor described the night as one of the hardest since the spring.");
    Map<String, String[]> m = mark("c3", third, "a1", ORIGINAL, "b2", second, "z9", OTHER_REPORT_SAME_STRIKE);
    assertNull(m.get("a1")[0]);
    assertEquals("a1", m.get("b2")[1]);
    assertEquals("a1", m.get("c3")[1]);
    assertNull(m.get("z9")[0]);
  }
}
