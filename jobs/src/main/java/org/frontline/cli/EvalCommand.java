package org.frontline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.spark.sql.SparkSession;
import org.frontline.common.Progress;
import org.frontline.events.OfficialSeries;
import org.frontline.events.SeriesEval;
import org.frontline.extract.ExtractJob;
import org.frontline.extract.ExtractionEval;
import org.frontline.extract.NationalFiguresEval;
import org.frontline.extract.StrikeSentenceModel;
import org.frontline.generate.NationalReports;
import org.frontline.lake.Lake;
import org.frontline.lake.Tables;
import org.frontline.topics.TopicEval;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Measure a stage's output against labels.",
    subcommands = {EvalCommand.Extraction.class, EvalCommand.Topics.class, EvalCommand.National.class,
        EvalCommand.Series.class, EvalCommand.TrainClassifier.class})
final class EvalCommand implements Runnable {
  @Override
  public void run() {
    throw new IllegalArgumentException("eval needs a subcommand: extraction, topics, national, series or"
        + " train-classifier");
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

    @Option(names = "--reextract",
        description = "extract the labelled articles again with the current rules instead of reading the lake's"
            + " mentions (the lake is not changed)")
    boolean reextract;

    @Option(names = "--as-of", paramLabel = "DATE",
        description = "with --reextract: the date undated articles are read against (yyyy-MM-dd; default today)")
    String asOf;

    @Option(names = "--classifier", paramLabel = "DIR",
        description = "with --reextract: a sentence model (frontline eval train-classifier) whose strike sentences"
            + " the rules read as strike reports")
    String classifier;

    @Option(names = "--threshold", defaultValue = "0.5", paramLabel = "P",
        description = "with --classifier: least probability of a flagged sentence (default: ${DEFAULT-VALUE})")
    double threshold;

    @Mixin
    SparkOptions sparkOptions;

    @Override
    public Integer call() throws Exception {
      Progress p = Progress.start("eval", "starting Spark");
      SparkSession spark = sparkOptions.session("frontline-eval");
      Lake lake = new Lake(spark, lakeDir);
      var articles = lake.read(Tables.ARTICLES);
      if (classifier != null && !reextract) {
        throw new IllegalArgumentException("--classifier needs --reextract");
      }
      var labelled = articles.join(ExtractionEval.gold(spark, gold).select("doc_id"), new String[] {"doc_id"},
          "left_semi");
      var mentions = !reextract ? lake.read(Tables.MENTIONS)
          : classifier == null ? ExtractJob.mentions(labelled, asOf)
          : ExtractJob.mentions(StrikeSentenceModel.flags(
              StrikeSentenceModel.Fitted.load(classifier), labelled, threshold), asOf, "flags");
      Map<String, Object> s = ExtractionEval.score(spark, gold, articles, mentions, examples);
      @SuppressWarnings("unchecked")
      List<String> lines = (List<String>) s.remove("examples");
      for (String l : lines) {
        System.out.println(l);
      }
      System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(s));
      p.done(String.format(Locale.ROOT, "article F1 %s, mention P/R/F1 %s/%s/%s (dates ±1 day: F1 %s),"
              + " exact launched %s intercepted %s killed %s injured %s attacker %s",
          s.get("article_f1"), s.get("mention_precision"), s.get("mention_recall"), s.get("mention_f1"),
          s.get("mention_f1_date_pm1"), s.get("launched_exact_rate"), s.get("intercepted_exact_rate"),
          s.get("killed_exact_rate"), s.get("injured_exact_rate"), s.get("attacker_exact_rate")));
      return 0;
    }
  }

  @Command(name = "topics", mixinStandardHelpOptions = true,
      description = "Measure the lake's topics: NMI, ARI and purity against a gold label column; NPMI coherence"
          + " (top 10 words, window 10, as gensim's c_npmi) and diversity (top 25) on the corpus itself.")
  static final class Topics implements Callable<Integer> {
    @Option(names = "--lake", required = true, paramLabel = "DIR", description = "lake holding articles and topics")
    String lakeDir;

    @Option(names = "--labels", paramLabel = "COLUMN",
        description = "the gold label column of the input records (e.g. category); without it only NPMI and diversity")
    String labels;

    @Option(names = "--labels-file", paramLabel = "FILE",
        description = "read the labels from this file instead of the files the lake's articles came from")
    List<String> labelsFiles;

    @Mixin
    SparkOptions sparkOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      Progress p = Progress.start("eval", "starting Spark");
      SparkSession spark = sparkOptions.session("frontline-eval");
      Lake lake = new Lake(spark, lakeDir);
      var gold = labels == null ? null : TopicEval.labels(spark,
          labelsFiles != null ? labelsFiles : TopicEval.sourceFiles(lake), labels);
      Map<String, Object> s = TopicEval.evaluate(lake, gold);
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> perTopic = (List<Map<String, Object>>) s.get("per_topic");
      PrintWriter out = spec.commandLine().getOut();
      for (Map<String, Object> t : perTopic) {
        out.println(String.format(Locale.ROOT, "topic %4s  %6s articles  NPMI %7.4f  %s",
            t.get("topic_id"), t.get("size"), (Double) t.get("npmi"), t.get("top_words")));
      }
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(s));
      out.flush();
      p.done(String.format(Locale.ROOT, "%s topics: NMI %s, ARI %s, purity %s, NPMI %s, diversity %s",
          s.get("topics"), s.getOrDefault("nmi", "-"), s.getOrDefault("ari", "-"), s.getOrDefault("purity", "-"),
          s.get("npmi"), s.get("diversity")));
      return 0;
    }
  }

  @Command(name = "series", mixinStandardHelpOptions = true,
      description = "Compare the national launched and intercepted figures of the lake's events, night by night,"
          + " with an official daily series (columns time_start, time_end, model, target, launched, destroyed;"
          + " the rows of target Ukraine): nights covered, exact share, median absolute and relative error, the"
          + " worst nights with their source sentences.")
  static final class Series implements Callable<Integer> {
    @Option(names = "--official", required = true, paramLabel = "FILE", description = "the official series (CSV)")
    Path official;

    @Option(names = "--lake", required = true, paramLabel = "DIR", description = "lake holding articles and events")
    String lakeDir;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD",
        description = "first morning compared (default: the lake's first publication day)")
    java.time.LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD",
        description = "last morning compared (default: the lake's last publication day)")
    java.time.LocalDate to;

    @Option(names = "--worst", defaultValue = "15", paramLabel = "N",
        description = "how many of the worst nights to list (default: ${DEFAULT-VALUE})")
    int worst;

    @Mixin
    SparkOptions sparkOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      Progress p = Progress.start("eval", "reading the official series " + official);
      if (worst < 0) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--worst must be 0 or more but was " + worst);
      }
      OfficialSeries.Read read = OfficialSeries.read(official);
      List<OfficialSeries.Night> nights = read.nights();
      SparkSession spark = sparkOptions.session("frontline-eval");
      Lake lake = new Lake(spark, lakeDir);
      org.apache.spark.sql.Row span = lake.read(Tables.ARTICLES)
          .agg(org.apache.spark.sql.functions.min("published_date"), org.apache.spark.sql.functions.max(
              "published_date")).first();
      java.time.LocalDate a = from != null ? from : span.isNullAt(0) ? null : span.getDate(0).toLocalDate();
      java.time.LocalDate b = to != null ? to : span.isNullAt(1) ? null : span.getDate(1).toLocalDate();
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("official_file", official.toString());
      s.put("official_rows_unreadable", read.skipped());
      s.putAll(SeriesEval.compare(nights, SeriesEval.news(lake.read(Tables.EVENTS)), a, b, worst,
          SeriesEval.publishedDays(lake.read(Tables.ARTICLES))));
      PrintWriter out = spec.commandLine().getOut();
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(s));
      out.flush();
      @SuppressWarnings("unchecked")
      Map<String, Object> all = (Map<String, Object>) s.get("all");
      p.done(String.format(Locale.ROOT, "%s .. %s: %s official nights (missile, drone), %s with articles, %s"
              + " covered by the news; launched exact %s, median abs error %s, median rel error %s", a, b,
          all.get("official_nights"), all.get("official_nights_with_articles"), all.get("covered"),
          all.get("launched_exact_share"), all.get("launched_median_abs_error"), all.get("launched_median_rel_error")));
      return 0;
    }
  }

  @Command(name = "national", mixinStandardHelpOptions = true,
      description = "Score the national launched / intercepted figures and dates read from Air Force-style"
          + " morning reports, written in " + NationalReports.PHRASINGS + " phrasings from the real counts of an"
          + " official daily series (columns time_start, time_end, model, launched, destroyed).")
  static final class National implements Callable<Integer> {
    @Option(names = "--series", required = true, paramLabel = "FILE", description = "the official series (CSV)")
    Path series;

    @Option(names = "--reports", defaultValue = "400", paramLabel = "N",
        description = "how many reports to write; windows are told again in other phrasings"
            + " (default: ${DEFAULT-VALUE})")
    int reports;

    @Option(names = "--seed", defaultValue = "11", paramLabel = "N",
        description = "phrasing seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--examples", defaultValue = "20", paramLabel = "N",
        description = "how many misses to print (default: ${DEFAULT-VALUE})")
    int examples;

    @Option(names = "--write", paramLabel = "FILE",
        description = "also write the reports as a JSONL corpus (doc_id, published, title, text, figures)")
    Path write;

    @Option(names = "--templates", paramLabel = "FILE",
        description = "tell the reports with the templates of this JSON-lines file instead of the built-in phrasings")
    Path templates;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      if (reports < 1) {
        throw new IllegalArgumentException("--reports must be at least 1 but was " + reports);
      }
      Progress p = Progress.start("eval", "writing reports from " + series);
      List<NationalReports.Window> windows = NationalReports.windows(series);
      List<NationalReports.Report> written = templates == null ? NationalReports.write(windows, reports, seed)
          : NationalReports.write(windows, reports, seed, NationalReports.templates(templates));
      ObjectMapper json = new ObjectMapper().findAndRegisterModules();
      if (write != null) {
        try (BufferedWriter w = Files.newBufferedWriter(write)) {
          for (NationalReports.Report r : written) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("doc_id", r.docId());
            row.put("published", r.published().toString());
            row.put("title", r.title());
            row.put("text", r.text());
            row.put("phrasing", r.phrasing());
            row.put("event_date", r.eventDate().toString());
            row.put("figures", r.figures());
            w.write(json.writeValueAsString(row));
            w.newLine();
          }
        }
      }
      Map<String, Object> s = NationalFiguresEval.score(written, examples);
      s.put("windows", (long) windows.size());
      PrintWriter out = spec.commandLine().getOut();
      @SuppressWarnings("unchecked")
      List<String> lines = (List<String>) s.remove("examples");
      lines.forEach(out::println);
      out.println(json.enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(s));
      out.flush();
      p.done(String.format(Locale.ROOT, "%s figures in %s reports from %s windows: launched %s,"
              + " intercepted %s, date %s, all three exact %s", s.get("figures"), s.get("reports"), s.get("windows"),
          s.get("launched_exact_rate"), s.get("intercepted_exact_rate"), s.get("date_exact_rate"),
          s.get("all_exact_rate")));
      return 0;
    }
  }

  @Command(name = "train-classifier", mixinStandardHelpOptions = true,
      description = "Train the sentence classifier (strike report yes/no, weapon class) that eval extraction"
          + " --classifier tries as a second opinion: on the labelled articles' sentences and on the rules' weak"
          + " labels over every article of the lake (its articles and mentions tables).")
  static final class TrainClassifier implements Callable<Integer> {
    @Option(names = "--lake", required = true, paramLabel = "DIR", description = "lake holding articles and mentions")
    String lakeDir;

    @Option(names = "--gold", required = true, paramLabel = "FILE", split = ",",
        description = "labelled JSONL files (doc_id, strikes), comma-separated")
    List<String> gold;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "where the model is saved")
    String out;

    @Mixin
    SparkOptions sparkOptions;

    @Override
    public Integer call() throws Exception {
      Progress p = Progress.start("train-classifier", "starting Spark");
      SparkSession spark = sparkOptions.session("frontline-train-classifier");
      Lake lake = new Lake(spark, lakeDir);
      var labels = ExtractionEval.gold(spark, gold.toArray(new String[0]));
      var training = StrikeSentenceModel.trainingSet(lake.read(Tables.ARTICLES), lake.read(Tables.MENTIONS), labels)
          .cache();
      var counts = training.groupBy("weight", "label").count().orderBy("weight", "label").collectAsList();
      Progress.info("train-classifier", "sentences (weight, label, count): " + counts);
      StrikeSentenceModel.fit(training).save(out);
      p.done("model saved in " + out);
      return 0;
    }
  }
}
