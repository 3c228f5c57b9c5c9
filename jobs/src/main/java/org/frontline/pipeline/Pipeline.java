package org.frontline.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Named stages run top to bottom, and the entries the run summary starts with (the night of a nightly run).
 * {@link Pipelines} declares the pipelines; {@link StageRunner} runs them.
 */
public record Pipeline(String name, Map<String, Object> header, List<Stage> stages) {
  public Pipeline {
    header = Collections.unmodifiableMap(new LinkedHashMap<>(header));
    stages = List.copyOf(stages);
    if (stages.stream().map(Stage::name).distinct().count() != stages.size()) {
      throw new IllegalArgumentException("two stages of pipeline " + name + " share a name");
    }
    for (int i = 0; i < stages.size(); i++) {
      List<String> earlier = stages.subList(0, i).stream().map(Stage::name).toList();
      for (String after : stages.get(i).after()) {
        if (!earlier.contains(after)) {
          throw new IllegalArgumentException("stage " + stages.get(i).name() + " of pipeline " + name
              + " runs after " + after + ", which is not an earlier stage: " + earlier);
        }
      }
    }
  }

  public static Pipeline of(String name, Stage... stages) {
    return new Pipeline(name, Map.of(), List.of(stages));
  }

  /** This pipeline with a summary entry written before any stage's. */
  public Pipeline withHeader(String key, Object value) {
    Map<String, Object> h = new LinkedHashMap<>(header);
    h.put(key, value);
    return new Pipeline(name, h, stages);
  }

  /** This pipeline without the named stages (each must be one of its stages). */
  public Pipeline without(String... names) {
    Set<String> drop = Set.of(names);
    for (String n : drop) {
      if (stages.stream().noneMatch(s -> s.name().equals(n))) {
        throw new IllegalArgumentException("pipeline " + name + " has no stage " + n + ": " + stageNames());
      }
    }
    return new Pipeline(name, header, stages.stream().filter(s -> !drop.contains(s.name())).toList());
  }

  public List<String> stageNames() {
    return stages.stream().map(Stage::name).toList();
  }

  @Override
  public String toString() {
    return name + ": " + String.join(" → ", stageNames());
  }
}
