package org.frontline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.frontline.SparkTest;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The scheduling files of docs/deploy: the Airflow DAG loads (against stand-ins for Airflow's modules, which
 * cannot be installed here) and submits a command line Frontline accepts; the cron/systemd wrapper fails
 * loudly when a night's input is missing.
 */
class SchedulingFilesTest {
  static final Path REPO = SparkTest.repo();

  @Test
  void theAirflowDagSubmitsANightlyRunFrontlineAccepts() throws Exception {
    assumeTrue(canRun("python3", "--version"), "python3 is not installed");
    String stub = String.join("\n",
        "import json, sys, types",
        "captured = {}",
        "class DAG:",
        "    def __init__(self, **kw): captured['dag'] = {k: str(v) for k, v in kw.items()}",
        "    def __enter__(self): return self",
        "    def __exit__(self, *a): return False",
        "class SparkSubmitOperator:",
        "    def __init__(self, **kw): captured['task'] = {k: (v if isinstance(v, (list, dict, str, int)) else str(v))"
            + " for k, v in kw.items()}",
        "def module(name, **attrs):",
        "    m = types.ModuleType(name); m.__dict__.update(attrs); sys.modules[name] = m",
        "module('pendulum', datetime=lambda *a, **k: 'datetime%s' % (a,))",
        "module('airflow', DAG=DAG)",
        "for p in ['airflow.providers', 'airflow.providers.apache', 'airflow.providers.apache.spark',",
        "          'airflow.providers.apache.spark.operators']: module(p)",
        "module('airflow.providers.apache.spark.operators.spark_submit', SparkSubmitOperator=SparkSubmitOperator)",
        "exec(compile(open(sys.argv[1]).read(), sys.argv[1], 'exec'), {'__name__': 'dag'})",
        "print(json.dumps(captured))");
    Path script = Files.createTempFile("dag-check", ".py");
    Files.writeString(script, stub);
    String out = run(List.of("python3", script.toString(),
        REPO.resolve("docs/deploy/airflow/frontline_nightly.py").toString()), Map.of()).out;
    JsonNode task = new ObjectMapper().readTree(out).get("task");
    assertEquals("org.frontline.cli.Frontline", task.get("java_class").asText());
    assertTrue(task.get("application").asText().endsWith("frontline-jobs.jar"));
    List<String> args = new ArrayList<>();
    task.get("application_args").forEach(a -> args.add(a.asText().replace("{{ ds }}", "2026-03-01")));
    assertEquals("nightly", args.get(0));
    assertEquals("2026-03-01", args.get(args.indexOf("--date") + 1));
    // the arguments parse as a nightly command line
    CommandLine.ParseResult parsed = Frontline.commandLine().parseArgs(args.toArray(String[]::new));
    assertEquals("nightly", parsed.subcommand().commandSpec().name());
    assertTrue(parsed.subcommand().hasMatchedOption("--lake"));
  }

  @Test
  void theNightlyWrapperFailsWhenTheNightHasNoInput() throws Exception {
    Path inbox = Files.createTempDirectory("inbox");
    Result r = run(List.of("bash", REPO.resolve("bin/nightly").toString(), "--date", "2026-03-01"),
        Map.of("FRONTLINE_INBOX", inbox.toString(), "FRONTLINE_LAKE", inbox.resolve("lake").toString()));
    assertEquals(1, r.code, r.out);
    assertTrue(r.out.contains("no input for the night 2026-03-01"), r.out);
    Result unset = run(List.of("bash", REPO.resolve("bin/nightly").toString()), Map.of("FRONTLINE_LAKE", "x"));
    assertNotEquals(0, unset.code);
    assertTrue(unset.out.contains("FRONTLINE_INBOX"), unset.out);
  }

  @Test
  void theSystemdAndCronFilesCallTheWrapper() throws IOException {
    String service = Files.readString(REPO.resolve("docs/deploy/frontline-nightly.service"));
    assertTrue(service.contains("Type=oneshot") && service.contains("ExecStart=/opt/frontline/bin/nightly"));
    String timer = Files.readString(REPO.resolve("docs/deploy/frontline-nightly.timer"));
    assertTrue(timer.contains("OnCalendar=*-*-* 02:30:00 UTC") && timer.contains("Persistent=true"));
    String cron = Files.readString(REPO.resolve("docs/deploy/crontab"));
    assertTrue(cron.lines().anyMatch(l -> l.startsWith("30 2 * * * ") && l.contains("/opt/frontline/bin/nightly")));
  }

  record Result(int code, String out) {}

  static Result run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().remove("FRONTLINE_INBOX");
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    return new Result(p.exitValue(), out);
  }

  static boolean canRun(String... command) {
    try {
      return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
