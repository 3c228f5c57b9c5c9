package org.frontline.extract;

import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.frontline.common.Sessions;
import org.junit.jupiter.api.Test;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The gazetteer is broadcast, and on a cluster executors deserialize it with the job's serializer (Kryo); local
 * mode never does, so only this test (and bin/cluster-check) sees a class Kryo cannot rebuild. Found by the
 * standalone cluster run: an immutable {@code List.copyOf} failed with UnsupportedOperationException.
 */
class GazetteerBroadcastTest {
  @Test
  void theGazetteerSurvivesTheJobsKryoSerializer() {
    SparkConf conf = new SparkConf(false);
    Sessions.applyDefaults(conf, 4);
    assertEquals(KryoSerializer.class.getName(), conf.get("spark.serializer"));
    SerializerInstance kryo = new KryoSerializer(conf).newInstance();
    ClassTag<Gazetteer> tag = ClassTag$.MODULE$.apply(Gazetteer.class);
    Gazetteer g = Gazetteer.load();
    ByteBuffer bytes = kryo.serialize(g, tag);
    Gazetteer back = kryo.deserialize(bytes, tag);
    assertEquals(g.entries().size(), back.entries().size());
    assertEquals(g.entries().get(7).toString(), back.entries().get(7).toString());
    // the matcher is transient and rebuilt on the executor side
    assertEquals("UA-12", back.matcher().find("Drones struck the Dnipropetrovsk region overnight.").get(0).iso);
  }
}
