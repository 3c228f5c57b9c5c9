package org.frontline.common;

import java.io.PrintStream;
import java.util.Locale;

/** One line per stage for the user: what starts, what it produced, how long it took. */
public final class Progress {
  private final String stage;
  private final long started;

  /** stderr as it is now (a run's log may have replaced it). */
  private static PrintStream err() {
    return System.err;
  }

  private Progress(String stage) {
    this.stage = stage;
    this.started = System.nanoTime();
  }

  public static Progress start(String stage, String what) {
    err().println("[" + stage + "] " + what);
    err().flush();
    return new Progress(stage);
  }

  public static void info(String stage, String message) {
    err().println("[" + stage + "] " + message);
    err().flush();
  }

  public double seconds() {
    return (System.nanoTime() - started) / 1e9;
  }

  public void done(String result) {
    err().println(String.format(Locale.ROOT, "[%s] done in %.1f s: %s", stage, seconds(), result));
    err().flush();
  }
}
