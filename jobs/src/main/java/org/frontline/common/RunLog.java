package org.frontline.common;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;

/**
 * The log of one run: everything the run prints on stdout and stderr (progress lines, warnings, the summary, the
 * failure with its stack trace) is also written to a local file, which {@link #finish} copies to the log
 * directory (local, HDFS or S3) when the run ends, successful or not. Scheduled runs thus leave one log each
 * next to the lake, whatever cron or Airflow does with the console.
 */
public final class RunLog {
  private final java.nio.file.Path local;
  private final OutputStream file;
  private final PrintStream oldOut;
  private final PrintStream oldErr;
  private final PrintStream logOnly;

  private RunLog(java.nio.file.Path local) throws IOException {
    this.local = local;
    this.file = new FileOutputStream(local.toFile());
    this.oldOut = System.out;
    this.oldErr = System.err;
    this.logOnly = new PrintStream(file, true, StandardCharsets.UTF_8);
    System.setOut(new PrintStream(new Tee(oldOut, file), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(new Tee(oldErr, file), true, StandardCharsets.UTF_8));
  }

  /** Starts teeing stdout and stderr into a fresh local file; never fails (without a file, nothing is teed). */
  public static RunLog start(String command) {
    try {
      java.nio.file.Path f = Files.createTempFile("frontline-" + command + "-", ".log");
      RunLog log = new RunLog(f);
      log.logOnly.println("# frontline " + command + " started " + Instant.now());
      return log;
    } catch (IOException e) {
      System.err.println("[log] cannot create a local log file: " + e.getMessage());
      return null;
    }
  }

  /** Writes to the log file only (e.g. a stack trace the console shows only with --verbose). */
  public PrintStream logOnly() {
    return logOnly;
  }

  /**
   * Restores stdout and stderr and copies the log to {@code dir/name}. Returns the copy's path, or the local
   * file's when the copy failed (said on stderr); the local file is removed after a successful copy.
   */
  public String finish(String dir, String name, Configuration conf) {
    logOnly.println("# ended " + Instant.now());
    logOnly.flush();
    System.setOut(oldOut);
    System.setErr(oldErr);
    try {
      file.close();
    } catch (IOException ignored) {
      // the copy below reports what matters
    }
    try {
      Path target = new Path(dir, name);
      FileSystem fs = target.getFileSystem(conf);
      fs.mkdirs(target.getParent());
      fs.copyFromLocalFile(true, true, new Path(local.toUri()), target);
      return fs.makeQualified(target).toString();
    } catch (IOException | RuntimeException e) {
      System.err.println("[log] cannot copy the run's log to " + dir + ": " + e.getMessage() + "; it stays in "
          + local);
      return local.toString();
    }
  }

  private static final class Tee extends OutputStream {
    private final OutputStream a;
    private final OutputStream b;

    Tee(OutputStream a, OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public synchronized void write(int c) throws IOException {
      a.write(c);
      b.write(c);
    }

    @Override
    public synchronized void write(byte[] buf, int off, int len) throws IOException {
      a.write(buf, off, len);
      b.write(buf, off, len);
    }

    @Override
    public synchronized void flush() throws IOException {
      a.flush();
      b.flush();
    }
  }
}
