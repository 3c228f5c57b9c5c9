package org.frontline.cli;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A fault for {@code CrashRerunTest}: registered in a child JVM with {@code spark.extraListeners}, it sends
 * SIGKILL to its own process as soon as a task has written a data file into the table directory named by
 * {@code -Dfrontline.test.killDuringWriteOf=DIR}: the write has begun and, while the job's other tasks run,
 * has not been committed.
 */
public final class KillDuringWrite extends SparkListener {
  private final Path table = Path.of(System.getProperty("frontline.test.killDuringWriteOf"));
  private final Set<Path> before = dataFiles();

  private Set<Path> dataFiles() {
    if (!Files.isDirectory(table)) {
      return Set.of();
    }
    try (Stream<Path> files = Files.walk(table)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".parquet"))
          .filter(f -> !f.toString().contains("_delta_log")).collect(Collectors.toSet());
    } catch (IOException e) {
      return Set.of();
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
    if (dataFiles().stream().anyMatch(f -> !before.contains(f))) {
      try {
        System.err.println("[fault] SIGKILL during the write of " + table);
        new ProcessBuilder("kill", "-KILL", Long.toString(ProcessHandle.current().pid())).inheritIO().start()
            .waitFor();
        Thread.sleep(60_000);
      } catch (IOException | InterruptedException e) {
        Runtime.getRuntime().halt(137);
      }
    }
  }
}
