package org.frontline.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Frontline's command line, in this JVM (its shared Spark session), for the tests that run whole stages. */
final class Cli {
  private Cli() {}

  /** Runs a command and fails the test, with the command's error output, unless it exits 0. */
  static void ok(String... args) {
    StringWriter err = new StringWriter();
    int code = Frontline.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true), args);
    assertEquals(0, code, String.join(" ", args) + "\n" + err);
  }
}
