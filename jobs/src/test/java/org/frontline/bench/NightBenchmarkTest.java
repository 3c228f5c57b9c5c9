package org.frontline.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The flags a night's own JVM takes from the bench's: none that attach an agent or write a file of their own. */
class NightBenchmarkTest {
  @Test
  void aChildJvmSharesTheHeapArchiveAndOpeningsButNoAgentPortOrOutputFile() {
    List<String> flags = List.of("-Xmx4g", "-XX:SharedArchiveFile=/a.jsa",
        "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Dspark.sql.codegen.wholeStage=true", "-Xlog:cds*=off",
        "-XX:+IgnoreUnrecognizedVMOptions", "-agentlib:jdwp=transport=dt_socket,server=y,address=5005",
        "-javaagent:/x.jar", "-agentpath:/y.so", "-XX:ArchiveClassesAtExit=/b.jsa",
        "-XX:StartFlightRecording=filename=/r.jfr", "-XX:FlightRecorderOptions=stackdepth=2048",
        "-Xlog:gc:file=/gc.log", "-XX:HeapDumpPath=/d.hprof", "-Dcom.sun.management.jmxremote.port=9010");
    assertEquals(List.of("-Xmx4g", "-XX:SharedArchiveFile=/a.jsa", "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "-Dspark.sql.codegen.wholeStage=true", "-Xlog:cds*=off", "-XX:+IgnoreUnrecognizedVMOptions"),
        NightBenchmark.childFlags(flags));
  }
}
