package org.redcapjdbc.bench;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The emulator jar running in its own JVM, as the benchmarks' REDCap server: started with
 * {@code --ready-file}, asked for its request counters over HTTP, its CPU time read from the
 * operating system, and stopped on {@link #close()}.
 */
final class EmulatorProcess implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration START_TIMEOUT = Duration.ofMinutes(20);

  /** A project the emulator serves. */
  record Project(String title, String token) {}

  /** Counters of one API method ({@code record/export}, …). */
  record MethodCount(long requests, long requestBytes, long responseBytes) {}

  /** One logged request: its method, parameters as sent (token masked), bytes out. */
  record LoggedRequest(String method, Map<String, List<String>> params, long responseBytes) {}

  /** What the emulator counted since the last reset. */
  record Stats(Map<String, MethodCount> methods, List<LoggedRequest> requests) {
    long requests(String method) {
      MethodCount m = methods.get(method);
      return m == null ? 0 : m.requests();
    }

    long responseBytes(String method) {
      MethodCount m = methods.get(method);
      return m == null ? 0 : m.responseBytes();
    }

    long totalRequests() {
      return methods.values().stream().mapToLong(MethodCount::requests).sum();
    }

    long totalResponseBytes() {
      return methods.values().stream().mapToLong(MethodCount::responseBytes).sum();
    }
  }

  private final Process process;
  private final Path log;
  private final String url;
  private final String base;
  private final List<Project> projects;
  private final OkHttpClient http = new OkHttpClient();

  private EmulatorProcess(Process process, Path log, String url, List<Project> projects) {
    this.process = process;
    this.log = log;
    this.url = url;
    this.base = url.substring(0, url.length() - "api/".length());
    this.projects = List.copyOf(projects);
  }

  /**
   * Starts {@code java -Xmx<heap> -jar <jar> --port 0 <args> --ready-file …} and waits until it
   * serves. Generating a large project takes minutes on a busy machine.
   */
  static EmulatorProcess start(Path jar, String heap, List<String> args, Path workDir)
      throws IOException, InterruptedException {
    requireNonNull(jar, "jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException(
          "The emulator jar "
              + jar
              + " does not exist: build it"
              + " with 'mvn -B -pl emulator -DskipTests package' (the bench profile does).");
    }
    Files.createDirectories(workDir);
    Path ready = Files.createTempFile(workDir, "emulator-ready-", ".json");
    Files.delete(ready);
    Path log = Files.createTempFile(workDir, "emulator-", ".log");
    List<String> command =
        new ArrayList<>(
            List.of(
                Jvm.java(),
                "-Xmx" + heap,
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-jar",
                jar.toString(),
                "--port",
                "0"));
    command.addAll(args);
    command.addAll(List.of("--ready-file", ready.toString()));
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    // An interrupted benchmark run (Ctrl-C, a killed Maven) must not leave emulators behind.
    Runtime.getRuntime().addShutdownHook(new Thread(p::destroy, "emulator-" + p.pid() + "-stop"));
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!Files.exists(ready)) {
      if (!p.isAlive()) {
        throw new IllegalStateException(
            "The emulator exited with status "
                + p.exitValue()
                + " before serving; its output is in "
                + log
                + ":\n"
                + tail(log));
      }
      if (System.nanoTime() > deadline) {
        p.destroyForcibly();
        throw new IllegalStateException(
            "The emulator did not serve within " + START_TIMEOUT + "; its output is in " + log);
      }
      Thread.sleep(200);
    }
    JsonNode info = JSON.readTree(ready.toFile());
    List<Project> projects = new ArrayList<>();
    for (JsonNode n : info.get("projects")) {
      projects.add(new Project(n.get("title").asText(), n.get("token").asText()));
    }
    return new EmulatorProcess(p, log, info.get("url").asText(), projects);
  }

  String url() {
    return url;
  }

  /** The first project whose title starts with {@code prefix}. */
  Project project(String prefix) {
    for (Project p : projects) {
      if (p.title().startsWith(prefix)) {
        return p;
      }
    }
    throw new IllegalArgumentException("No project titled '" + prefix + "…' in " + projects);
  }

  /** CPU time the emulator's JVM has used so far (all threads). */
  Duration cpu() {
    return process.info().totalCpuDuration().orElse(Duration.ZERO);
  }

  long pid() {
    return process.pid();
  }

  Stats stats() {
    Request r = new Request.Builder().url(base + "emulator/stats").build();
    try (Response response = http.newCall(r).execute()) {
      JsonNode root = JSON.readTree(response.body().byteStream());
      Map<String, MethodCount> methods = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = root.get("methods").fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        methods.put(
            e.getKey(),
            new MethodCount(
                e.getValue().get("requests").asLong(),
                e.getValue().get("requestBytes").asLong(),
                e.getValue().get("responseBytes").asLong()));
      }
      List<LoggedRequest> requests = new ArrayList<>();
      for (JsonNode n : root.get("recentRequests")) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.get("params").fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          List<String> values = new ArrayList<>();
          e.getValue().forEach(v -> values.add(v.asText()));
          params.put(e.getKey(), values);
        }
        requests.add(
            new LoggedRequest(n.get("method").asText(), params, n.get("responseBytes").asLong()));
      }
      return new Stats(methods, requests);
    } catch (IOException e) {
      throw new UncheckedIOException("Reading the emulator's counters failed", e);
    }
  }

  void resetStats() {
    Request r =
        new Request.Builder()
            .url(base + "emulator/stats/reset")
            .post(RequestBody.create(new byte[0]))
            .build();
    try (Response response = http.newCall(r).execute()) {
      if (!response.isSuccessful()) {
        throw new IllegalStateException(
            "Resetting the emulator's counters answered " + response.code());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Resetting the emulator's counters failed", e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  @Override
  public String toString() {
    return "emulator pid " + process.pid() + " at " + url + " (log " + log + ")";
  }
}
