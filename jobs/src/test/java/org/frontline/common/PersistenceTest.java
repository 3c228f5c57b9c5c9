package org.frontline.common;

import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.util.MLWritable;
import org.frontline.SparkTest;
import org.frontline.events.EventGeocoder;
import org.frontline.events.EventKeyer;
import org.frontline.extract.StrikeExtractor;
import org.frontline.ingest.ExactDuplicateMarker;
import org.frontline.ingest.FieldMapper;
import org.frontline.ingest.HeadlineCleaner;
import org.frontline.ingest.LanguageTagger;
import org.frontline.ingest.NearDuplicateMarker;
import org.frontline.ingest.PublishedDateParser;
import org.frontline.ingest.TextCleaner;
import org.frontline.topics.CentroidScorer;
import org.frontline.topics.DistributionScorer;
import org.frontline.topics.LsaReducer;
import org.frontline.topics.NearestCentroid;
import org.frontline.topics.NewsTokenizer;
import org.frontline.trends.EventAreas;
import org.frontline.trends.PeriodAggregator;
import org.frontline.trends.SpikeDetector;
import org.frontline.trends.TrendChange;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every stage Frontline declares as a Spark ML transformer or estimator survives save and load: same uid,
 * every param set or defaulted to the same value. Column params are renamed first, so that a value that
 * differs from its default is written and read back too.
 */
class PersistenceTest extends SparkTest {
  static Stream<Class<? extends Params>> stages() {
    return Stream.of(FieldMapper.class, PublishedDateParser.class, TextCleaner.class, HeadlineCleaner.class,
        LanguageTagger.class, ExactDuplicateMarker.class, NearDuplicateMarker.class, StrikeExtractor.class,
        EventKeyer.class, EventGeocoder.class, NewsTokenizer.class, LsaReducer.class, CentroidScorer.class,
        NearestCentroid.class, DistributionScorer.class,
        EventAreas.class, PeriodAggregator.class, SpikeDetector.class, TrendChange.class);
  }

  @ParameterizedTest
  @MethodSource("stages")
  @SuppressWarnings("unchecked")
  void saveAndLoadKeepEveryParam(Class<? extends Params> type, @TempDir Path dir) throws Exception {
    spark();
    Params stage = type.getConstructor().newInstance();
    ParamMap renamed = new ParamMap();
    for (Param<?> p : stage.params()) {
      if (p.name().endsWith("Col") && stage.getDefault(p).isDefined() && stage.getDefault(p).get() instanceof String) {
        renamed.put((Param<String>) p, "renamed_" + p.name());
      }
    }
    Params before = stage.copy(renamed);
    String path = dir.resolve(type.getSimpleName()).toString();
    ((MLWritable) before).write().save(path);
    Params after = (Params) type.getMethod("load", String.class).invoke(null, path);

    assertEquals(type, after.getClass());
    assertEquals(before.uid(), after.uid());
    assertTrue(before.params().length > 0, type.getSimpleName() + " declares no params");
    for (Param<?> p : before.params()) {
      if (renamed.contains(p)) {
        assertEquals("renamed_" + p.name(), after.getOrDefault(p), type.getSimpleName() + "." + p.name());
      }
      assertEquals(before.isSet(p), after.isSet(p), type.getSimpleName() + "." + p.name() + " set");
      boolean has = before.isDefined(p);
      assertEquals(has, after.isDefined(p), type.getSimpleName() + "." + p.name() + " defined");
      if (has) {
        assertTrue(Objects.deepEquals(before.getOrDefault(p), after.getOrDefault(p)),
            type.getSimpleName() + "." + p.name() + ": " + before.getOrDefault(p) + " became " + after.getOrDefault(p));
      }
    }
  }
}
