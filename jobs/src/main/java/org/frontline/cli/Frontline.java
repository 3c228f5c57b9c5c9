package org.frontline.cli;

import org.frontline.ingest.IngestException;
import org.frontline.lake.Lake;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** {@code frontline <command>}: the entry point for the launcher, spark-submit and tests. */
@Command(name = "frontline", mixinStandardHelpOptions = true, version = "frontline 0.1.0",
    description = "Spark batch jobs that turn news corpora about armed conflict into tables.",
    subcommands = {RunCommand.class, IngestCommand.class, ExtractCommand.class, EventsCommand.class,
        TopicsCommand.class, TrendsCommand.class, ReportCommand.class, NightlyCommand.class,
        EvalCommand.class, GenerateCommand.class, ExportCommand.class, CompareCommand.class, BenchCommand.class,
        CommandLine.HelpCommand.class})
public final class Frontline implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs a command line and returns its exit code: 0 ok, 1 failure, 2 bad usage. */
  public static int execute(String... args) {
    CommandLine cli = commandLine();
    return cli.execute(args);
  }

  /** As {@link #execute(String...)}, with picocli's help and error output going to the given writers. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = commandLine();
    cli.setOut(out);
    cli.setErr(err);
    return cli.execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Frontline());
    cli.setParameterExceptionHandler((ex, args) -> {
      PrintWriter err = ex.getCommandLine().getErr();
      err.println("frontline: " + ex.getMessage() + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName()
          + " --help')");
      err.flush();
      return 2;
    });
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      PrintWriter err = commandLine.getErr();
      err.println("frontline: " + describe(ex));
      if (Boolean.getBoolean("frontline.verbose")) {
        ex.printStackTrace(err);
      }
      err.flush();
      return 1;
    });
    return cli;
  }

  /** One clear line for an exception: the user's problem as is, anything else with its root cause. */
  static String describe(Throwable ex) {
    if (ex instanceof IngestException || ex instanceof Lake.LakeException || ex instanceof IllegalArgumentException) {
      return ex.getMessage();
    }
    Throwable root = ex;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String msg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    int nl = msg.indexOf('\n');
    if (nl > 0) {
      msg = msg.substring(0, nl);
    }
    return "failed: " + root.getClass().getSimpleName() + ": " + msg + " (--verbose shows the stack trace)";
  }
}
