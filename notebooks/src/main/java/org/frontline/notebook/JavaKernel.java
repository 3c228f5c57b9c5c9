package org.frontline.notebook;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A Jupyter kernel for Java: each cell is split into JShell snippets and run in this JVM (see
 * {@link InProcessExecution}); the value of a cell's last expression is rendered by the display registry
 * ({@link Displays}: Datasets as HTML tables, JFreeCharts as SVG). The start-up snippets import Spark's SQL API
 * and {@link Notebook}'s helpers and define {@code spark}, a SparkSession configured like Frontline's jobs.
 */
public final class JavaKernel extends BaseKernel {
  /** Run before the first cell; their names are what a notebook can use without imports. */
  static final List<String> STARTUP = List.of(
      "import java.util.*;",
      "import java.time.*;",
      "import org.apache.spark.sql.*;",
      "import org.apache.spark.sql.types.*;",
      "import static org.apache.spark.sql.functions.*;",
      "import org.frontline.notebook.Notebook;",
      "import org.frontline.notebook.Charts;",
      "import org.frontline.lake.Tables;",
      "import org.frontline.pipeline.Pipelines;",
      "import static org.frontline.notebook.Notebook.display;",
      "SparkSession spark = Notebook.spark();");

  private final JShell shell;
  private final InProcessExecution execution;
  private final SourceCodeAnalysis analysis;

  JavaKernel(boolean startSpark) {
    super("frontline-java", "0.1.0",
        new LanguageInfo("java", System.getProperty("java.version"), "text/x-java", ".jshell", "java", "java",
            "script"),
        List.of(), null,
        new JupyterIO(StandardCharsets.UTF_8), new CommManager(), new Renderer(), null, null, false,
        new StringStyler("", "", "", i -> ""));
    this.execution = new InProcessExecution();
    this.shell = JShell.builder()
        .executionEngine(new InProcessExecution.Provider(execution), null)
        .compilerOptions("-Xlint:none", "-proc:none")
        .out(System.out)
        .err(System.err)
        .build();
    // the compiler sees the kernel's classpath (Spark, Frontline); the classes themselves come from this JVM
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        shell.addToClasspath(entry);
      }
    }
    this.analysis = shell.sourceCodeAnalysis();
    Displays.register(renderer);
    for (String s : STARTUP) {
      if (startSpark || !s.startsWith("SparkSession spark")) {
        evalRaw(s);
      }
    }
  }

  @Override
  public Object evalRaw(String code) {
    Object last = null;
    String remaining = code;
    try {
      while (remaining != null && !remaining.isBlank()) {
        SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
        String source;
        switch (info.completeness()) {
          case EMPTY -> {
            return last;
          }
          case COMPLETE, COMPLETE_WITH_SEMI -> {
            source = info.source();
            remaining = info.remaining();
          }
          case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> throw new NotebookException(
              "incomplete Java: " + firstLine(remaining) + " (a missing ';', ')' or '}'?)");
          default -> { // UNKNOWN: let the compiler say what is wrong with it
            source = remaining;
            remaining = null;
          }
        }
        last = evalSnippet(source);
      }
      return last;
    } finally {
      execution.clear();
    }
  }

  private Object evalSnippet(String source) {
    Object value = null;
    for (SnippetEvent e : shell.eval(source)) {
      if (e.causeSnippet() != null) {
        continue; // a dependent snippet updated: not this cell's result
      }
      Snippet s = e.snippet();
      if (e.status() == Snippet.Status.REJECTED) {
        throw new NotebookException(compileErrors(s));
      }
      if (e.exception() != null) {
        throw translate(e.exception());
      }
      if (e.status() == Snippet.Status.RECOVERABLE_DEFINED || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
        String missing = shell.unresolvedDependencies((DeclarationSnippet) s)
            .collect(Collectors.joining(", "));
        throw new NotebookException("cannot find " + missing + " (in: " + firstLine(source) + ")");
      }
      boolean expression = s.kind() == Snippet.Kind.EXPRESSION
          || s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
      Object v = execution.take(e.value());
      value = expression ? v : null;
    }
    return value;
  }

  private String compileErrors(Snippet s) {
    List<String> lines = new ArrayList<>();
    String src = s.source();
    shell.diagnostics(s).forEach(d -> lines.add(describe(d, src)));
    return lines.isEmpty() ? "cannot compile: " + firstLine(src) : String.join("\n", lines);
  }

  private static String describe(Diag d, String src) {
    int pos = (int) Math.max(0, Math.min(src.length(), d.getStartPosition()));
    int lineStart = src.lastIndexOf('\n', pos - 1) + 1;
    int lineEnd = src.indexOf('\n', pos);
    String line = src.substring(lineStart, lineEnd < 0 ? src.length() : lineEnd);
    return d.getMessage(Locale.ENGLISH) + "\n    " + line.strip();
  }

  private static RuntimeException translate(JShellException ex) {
    if (ex instanceof EvalException ee) {
      NotebookException out = new NotebookException(ee.getExceptionClassName()
          + (ee.getMessage() == null ? "" : ": " + ee.getMessage()));
      out.setStackTrace(ee.getStackTrace());
      if (ee.getCause() != null) {
        out.initCause(translate(ee.getCause()));
      }
      return out;
    }
    if (ex instanceof UnresolvedReferenceException ure) {
      return new NotebookException("a method or class used here is not defined: " + ure.getSnippet().source());
    }
    return new NotebookException(ex.getMessage());
  }

  private static String firstLine(String s) {
    String t = s.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl) + " ...";
  }

  /** A cell's error: the message first, then the user's frames (JShell's own are left out). */
  @Override
  public List<String> formatError(Throwable e) {
    List<String> lines = new ArrayList<>();
    Throwable t = e;
    String prefix = "";
    while (t != null) {
      lines.add(prefix + (t instanceof NotebookException ? t.getMessage() : t.toString()));
      int shown = 0;
      for (StackTraceElement f : t.getStackTrace()) {
        String c = f.getClassName();
        if (c.startsWith("jdk.jshell") || c.startsWith("java.lang.reflect") || c.startsWith("jdk.internal")
            || c.startsWith("org.frontline.notebook.InProcessExecution")) {
          continue;
        }
        if (++shown > 12) {
          lines.add("    ...");
          break;
        }
        lines.add("    at " + (c.startsWith("REPL.") ? "cell" : f.toString()));
      }
      t = t.getCause() == t ? null : t.getCause();
      prefix = "Caused by: ";
    }
    return lines;
  }

  @Override
  public DisplayData inspect(String code, int at, boolean extraDetail) {
    List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(code, at, false);
    if (docs.isEmpty()) {
      return null;
    }
    DisplayData d = new DisplayData(docs.stream().map(SourceCodeAnalysis.Documentation::signature)
        .collect(Collectors.joining("\n")));
    return d;
  }

  @Override
  public ReplacementOptions complete(String code, int at) {
    int[] anchor = new int[1];
    List<String> options = analysis.completionSuggestions(code, at, anchor).stream()
        .filter(SourceCodeAnalysis.Suggestion::matchesType)
        .map(SourceCodeAnalysis.Suggestion::continuation).distinct().collect(Collectors.toList());
    if (options.isEmpty()) {
      options = analysis.completionSuggestions(code, at, anchor).stream()
          .map(SourceCodeAnalysis.Suggestion::continuation).distinct().collect(Collectors.toList());
    }
    return new ReplacementOptions(options, anchor[0], at);
  }

  @Override
  public String isComplete(String code) {
    return switch (analysis.analyzeCompletion(code).completeness()) {
      case COMPLETE, COMPLETE_WITH_SEMI, EMPTY -> IS_COMPLETE_YES;
      case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> "    ";
      default -> IS_COMPLETE_MAYBE;
    };
  }

  @Override
  public void interrupt() {
    Notebook.cancelJobs();
    execution.stop();
  }

  @Override
  public void onShutdown(boolean restarting) {
    super.onShutdown(restarting);
    Notebook.stop();
    shell.close();
  }

  /** An error in a cell, said in the notebook's terms. */
  public static final class NotebookException extends RuntimeException {
    NotebookException(String message) {
      super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }
}
