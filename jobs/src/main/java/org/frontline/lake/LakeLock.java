package org.frontline.lake;

import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One writer per lake: a lock file {@code LAKE/_lock} created with create-if-absent (atomic on local
 * disks and HDFS), naming the run that holds it. A second run is refused with that name instead of
 * interleaving its writes with the first's. Released when the run ends, failed or not. A lock left by a
 * killed process on this host (its pid no longer runs) is taken over by the next run; one left by a process
 * on another host is removed by hand (the message says how), as this host cannot tell whether it still runs.
 */
public final class LakeLock implements AutoCloseable {
  public static final String FILE = "_lock";

  private final FileSystem fs;
  private final Path path;

  private LakeLock(FileSystem fs, Path path) {
    this.fs = fs;
    this.path = path;
  }

  public static LakeLock acquire(Lake lake, String runId, String what) {
    try {
      return tryAcquire(lake, runId, what);
    } catch (Held held) {
      Path path = new Path(lake.root(), FILE);
      if (!isStale(held.holder)) {
        throw held.refusal(path);
      }
      System.err.println("[lock] taking over the lock of a run that no longer runs: " + held.holder);
      try {
        // removed only while it still names the dead run: another run may have taken it over meanwhile
        if (held(lake.fs(), path).holder.equals(held.holder)) {
          lake.fs().delete(path, false);
        }
      } catch (IOException e) {
        throw new Lake.LakeException("cannot remove the stale lock " + path + ": " + e.getMessage());
      }
      try {
        return tryAcquire(lake, runId, what);
      } catch (Held again) {
        throw again.refusal(path); // another run took it in between
      }
    }
  }

  /** The lock file is there: who holds it, as it says. */
  private static final class Held extends Exception {
    final String holder;

    Held(String holder) {
      super(holder, null, false, false);
      this.holder = holder;
    }

    Lake.LakeException refusal(Path path) {
      return new Lake.LakeException("the lake is in use by another Frontline run: " + holder + ". Nothing was"
          + " written. If that run is no longer alive, remove " + path + " and start again.");
    }
  }

  private static final Pattern HOLDER =
      Pattern.compile(" on host (\\S+), pid (\\d+), since ");

  /** A holder on this host whose process has ended (a process killed with SIGKILL leaves its lock). */
  static boolean isStale(String holder) {
    Matcher m = HOLDER.matcher(holder);
    if (!m.find() || !m.group(1).equals(host())) {
      return false;
    }
    long pid = Long.parseLong(m.group(2));
    return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
  }

  private static LakeLock tryAcquire(Lake lake, String runId, String what) throws Held {
    FileSystem fs = lake.fs();
    Path path = new Path(lake.root(), FILE);
    String holder = String.format("run %s (%s) on host %s, pid %d, since %s", runId, what, host(),
        ProcessHandle.current().pid(), Instant.now());
    if (fs instanceof LocalFileSystem || "file".equals(fs.getUri().getScheme())) {
      // the JDK's create-new is atomic (O_EXCL); Hadoop's local create checks, then opens
      java.nio.file.Path local = java.nio.file.Path.of(path.toUri());
      try {
        Files.writeString(local, holder, StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE);
        return new LakeLock(fs, path);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        throw held(fs, path);
      } catch (IOException e) {
        throw new Lake.LakeException("cannot lock lake " + lake.root() + ": " + e.getMessage());
      }
    }
    try (FSDataOutputStream out = fs.create(path, false)) {
      out.write(holder.getBytes(StandardCharsets.UTF_8));
    } catch (FileAlreadyExistsException e) {
      throw held(fs, path);
    } catch (IOException e) {
      try {
        if (fs.exists(path)) {
          throw held(fs, path);
        }
      } catch (IOException ignored) {
        // fall through to the original error
      }
      throw new Lake.LakeException("cannot lock lake " + lake.root() + ": " + e.getMessage());
    }
    return new LakeLock(fs, path);
  }

  private static Held held(FileSystem fs, Path path) {
    String holder;
    try (FSDataInputStream in = fs.open(path)) {
      holder = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      holder = "an unknown run";
    }
    return new Held(holder);
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }

  @Override
  public void close() {
    try {
      fs.delete(path, false);
    } catch (IOException e) {
      throw new Lake.LakeException("cannot release the lock " + path + ": " + e.getMessage());
    }
  }
}
