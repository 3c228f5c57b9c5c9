package org.frontline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.spark.sql.SparkSession;
import org.frontline.common.Progress;
import org.frontline.extract.ExtractionEval;
import org.frontline.lake.Lake;
import org.frontline.lake.Tables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Measure a stage's output against labels.",
    subcommands = {EvalCommand.Extraction.class})
final class EvalCommand implements Runnable {
  @Override
  public void run() {
    throw new IllegalArgumentException("eval needs a subcommand: extraction");
  }

  @Command(name = "extraction", mixinStandardHelpOptions = true,
      description = "Score the lake's mentions against a labelled JSONL file (the dev set in data/gold/ or a"
          + " generator's truth.jsonl): article strike/no-strike F1, mention (date, country, region, weapon)"
          + " precision/recall/F1, exact-match rates of launched, killed and injured.")
  static final class Extraction implements Callable<Integer> {
    @Option(names = "--gold", required = true, paramLabel = "FILE", description = "labelled JSONL file")
    String gold;

    @Option(names = "--lake", required = true, paramLabel = "DIR", description = "lake holding articles and mentions")
    String lakeDir;

    @Option(names = "--examples", defaultValue = "20", paramLabel = "N",
        description = "how many mismatches to print (default: ${DEFAULT-VALUE})")
    int examples;

    @Mixin
    SparkOptions sparkOptions;

    @Override
    public Integer call() throws Exception {
      Progress p = Progress.start("eval", "starting Spark");
      SparkSession spark = sparkOptions.session("frontline-eval");
      Lake lake = new Lake(spark, lakeDir);
      Map<String, Object> s = ExtractionEval.score(spark, gold, lake.read(Tables.ARTICLES),
          lake.read(Tables.MENTIONS), examples);
      @SuppressWarnings("unchecked")
      List<String> lines = (List<String>) s.remove("examples");
      for (String l : lines) {
        System.out.println(l);
      }
      System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(s));
      p.done(String.format(java.util.Locale.ROOT, "article F1 %s, mention P/R/F1 %s/%s/%s, exact launched %s killed %s injured %s",
          s.get("article_f1"), s.get("mention_precision"), s.get("mention_recall"), s.get("mention_f1"),
          s.get("launched_exact_rate"), s.get("killed_exact_rate"), s.get("injured_exact_rate")));
      return 0;
    }
  }
}
