# Sourced by Frontline's scripts (bin/frontline, bin/cluster-check, bin/nightly, notebooks/*): the JVM flags Spark
# needs on Java 17+ (Spark's own JavaModuleOptions; without java.nio, java.util and java.lang.invoke opened, jobs
# fail at run time in Kryo) and the loopback address Spark must bind to on hosts whose name resolves to loopback.
# IgnoreUnrecognizedVMOptions comes first so the same flags work on Java 17 and newer.
SPARK_JVM_FLAGS="-XX:+IgnoreUnrecognizedVMOptions --add-modules=jdk.incubator.vector"
for _p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
          java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  SPARK_JVM_FLAGS="$SPARK_JVM_FLAGS --add-opens=java.base/$_p=ALL-UNNAMED"
done
unset _p
SPARK_JVM_FLAGS="$SPARK_JVM_FLAGS --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED -Dio.netty.tryReflectionSetAccessible=true --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED"
# HotSpot does not JIT-compile a method of more than 8,000 bytes of bytecode; Spark's whole-stage code generation
# makes such methods (ingest's record preparation: two of 9,233 and 8,982 bytes), which then run interpreted.
# Compiling them: that preparation 88.3 -> 75.2 task-s in an 800,000 ingest; in the whole bench the pipeline
# 245.4 -> 236.2 s, within the machine's noise (docs/BENCHMARKS.md, sixth session).
SPARK_JVM_FLAGS="$SPARK_JVM_FLAGS -XX:-DontCompileHugeMethods"
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
