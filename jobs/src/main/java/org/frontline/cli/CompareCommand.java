package org.frontline.cli;

import org.apache.spark.sql.SparkSession;
import org.frontline.common.Progress;
import org.frontline.lake.Lake;
import org.frontline.lake.LakeDiff;
import org.frontline.lake.Tables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "compare", mixinStandardHelpOptions = true,
    description = "Compare the tables of two lakes row for row (as multisets, whatever the order or file layout)"
        + " and print one line per table with its content fingerprint. Exit code 0 when every table is identical,"
        + " 1 otherwise.")
final class CompareCommand implements Callable<Integer> {
  @Option(names = "--left", required = true, paramLabel = "DIR", description = "the first lake")
  String left;

  @Option(names = "--right", required = true, paramLabel = "DIR", description = "the second lake")
  String right;

  @Option(names = "--table", paramLabel = "NAME", split = ",",
      description = "tables to compare (default: every data table)")
  List<String> tables;

  @Mixin
  SparkOptions sparkOptions;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Progress p = Progress.start("compare", "starting Spark");
    SparkSession spark = sparkOptions.session("frontline-compare");
    Lake a = new Lake(spark, left);
    Lake b = new Lake(spark, right);
    List<String> names = tables == null || tables.isEmpty() ? Tables.DATA_TABLES : tables;
    for (String t : names) {
      if (!Tables.DATA_TABLES.contains(t)) {
        throw new IllegalArgumentException("unknown table '" + t + "'; tables: " + Tables.DATA_TABLES);
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    List<String> different = new ArrayList<>();
    out.println("left  " + a.root());
    out.println("right " + b.root());
    for (String t : names) {
      LakeDiff.TableDiff d = LakeDiff.compare(t, a, b);
      out.println(d.line());
      if (!d.same()) {
        different.add(t);
      }
    }
    out.flush();
    p.done(different.isEmpty() ? "identical: " + names.size() + " tables"
        : "DIFFERENT: " + String.join(", ", different));
    return different.isEmpty() ? 0 : 1;
  }
}
