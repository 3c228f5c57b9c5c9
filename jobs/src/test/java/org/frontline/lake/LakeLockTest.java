package org.frontline.lake;

import org.frontline.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The lake's lock: refused while its holder may run, taken over when its holder on this host has died. */
class LakeLockTest extends SparkTest {
  @TempDir
  Path dir;

  private static String holder(String host, long pid) {
    return "run r1 (ingest) on host " + host + ", pid " + pid + ", since 2026-03-07T00:00:00Z";
  }

  @Test
  void aLockLeftByAKilledProcessOnThisHostIsTakenOver() throws Exception {
    Lake lake = new Lake(spark(), dir.toString());
    Process p = new ProcessBuilder("sleep", "60").start();
    long pid = p.pid();
    String host = InetAddress.getLocalHost().getHostName();
    Files.writeString(dir.resolve(LakeLock.FILE), holder(host, pid));
    Lake.LakeException alive = assertThrows(Lake.LakeException.class, () -> LakeLock.acquire(lake, "r2", "ingest"));
    assertTrue(alive.getMessage().contains("pid " + pid), alive.getMessage());

    p.destroyForcibly().waitFor(); // SIGKILL: the process leaves its lock behind
    assertTrue(LakeLock.isStale(holder(host, pid)));
    try (LakeLock lock = LakeLock.acquire(lake, "r2", "ingest")) {
      assertTrue(Files.readString(dir.resolve(LakeLock.FILE)).startsWith("run r2 (ingest)"));
    }
    assertFalse(Files.exists(dir.resolve(LakeLock.FILE)));
  }

  @Test
  void aLockHeldOnAnotherHostIsNeverTakenOver() throws Exception {
    Lake lake = new Lake(spark(), dir.toString());
    Files.writeString(dir.resolve(LakeLock.FILE), holder("elsewhere.invalid", 1));
    assertFalse(LakeLock.isStale(holder("elsewhere.invalid", 1)));
    assertThrows(Lake.LakeException.class, () -> LakeLock.acquire(lake, "r2", "ingest"));
    assertTrue(Files.exists(dir.resolve(LakeLock.FILE)));
  }
}
