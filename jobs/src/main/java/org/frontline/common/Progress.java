package org.frontline.common;

import java.io.PrintStream;
import java.util.Locale;

/** One line per stage for the user: what starts, what it produced, how long it took. */
public final class Progress {
  private static final PrintStream out = System.err;
  private final String stage;
  private final long started;

  private Progress(String stage) {
    this.stage = stage;
    this.started = System.nanoTime();
  }

  public static Progress start(String stage, String what) {
    out.println("[" + stage + "] " + what);
    out.flush();
    return new Progress(stage);
  }

  public static void info(String stage, String message) {
    out.println("[" + stage + "] " + message);
    out.flush();
  }

  public double seconds() {
    return (System.nanoTime() - started) / 1e9;
  }

  public void done(String result) {
    out.println(String.format(Locale.ROOT, "[%s] done in %.1f s: %s", stage, seconds(), result));
    out.flush();
  }
}
