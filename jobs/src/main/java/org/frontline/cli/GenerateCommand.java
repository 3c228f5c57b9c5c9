package org.frontline.cli;

import org.frontline.common.Progress;
import org.frontline.generate.CorpusGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Write a synthetic corpus (deterministic per seed, streamed) and its ground truth:"
        + " OUT/corpus/part-NNNNN.<format> and OUT/truth.jsonl.")
final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--articles", required = true, description = "number of records")
  long articles;

  @Option(names = "--seed", defaultValue = "42", description = "random seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--out", required = true, description = "output directory")
  Path out;

  @Option(names = "--parts", description = "number of files (default: one per 50,000 records)")
  Integer parts;

  @Option(names = "--formats", split = ",", defaultValue = "jsonl",
      description = "formats of the parts, used in turn: jsonl, jsonl.gz, csv, csv.gz (default: ${DEFAULT-VALUE})")
  List<String> formats;

  @Option(names = "--start", defaultValue = "2026-01-05",
      description = "first publication day (default: ${DEFAULT-VALUE})")
  LocalDate start;

  @Option(names = "--days", defaultValue = "56", description = "days of publication (default: ${DEFAULT-VALUE})")
  int days;

  @Override
  public Integer call() throws Exception {
    int p = parts != null ? parts : (int) Math.max(1, (articles + 49_999) / 50_000);
    Progress progress = Progress.start("generate", String.format(Locale.ROOT,
        "%,d records, seed %d, %d part(s) %s -> %s", articles, seed, p, formats, out));
    CorpusGenerator.Counts c = new CorpusGenerator(
        new CorpusGenerator.Options(articles, seed, out, p, formats, start, days)).write();
    progress.done(String.format(Locale.ROOT,
        "records=%d originals=%d exact_copies=%d near_copies=%d malformed=%d undated=%d; truth in %s",
        c.records(), c.originals(), c.exactCopies(), c.nearCopies(), c.malformed(), c.undated(),
        out.resolve("truth.jsonl")));
    return 0;
  }
}
