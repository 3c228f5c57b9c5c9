package org.frontline.topics;

import org.frontline.lake.StageResult;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the topics stage did: the model it fitted or applied, how many articles it assigned, and the topic
 * trend rows it wrote. {@code modelId} is null when no model could be fitted ({@code skipReason} says why).
 */
public record TopicsResult(String modelId, boolean fitted, String note, String algorithm, int k, String kChoice,
                           long seed, long fitDocuments, long articlesAssigned, long articlesWithoutTopic,
                           long articlesUndated, int topicsActive, long trendRows, Map<String, Long> largest,
                           String skipReason) implements StageResult {

  /** The stage skipped: no model and none could be fitted on {@code articles} articles. */
  static TopicsResult skipped(String reason, long articles, long undated) {
    return new TopicsResult(null, false, null, null, 0, null, 0, 0, 0, articles, undated, 0, 0, Map.of(), reason);
  }

  @Override
  public Optional<String> skipped() {
    return Optional.ofNullable(skipReason);
  }

  @Override
  public Map<String, Object> summary() {
    Map<String, Object> s = new LinkedHashMap<>();
    if (modelId == null) {
      s.put("fitted", false);
      s.put("articles_assigned", 0L);
      s.put("articles_without_topic", articlesWithoutTopic);
      s.put("articles_undated", articlesUndated);
      s.put("topics_active", 0);
      s.put("trend_rows", 0L);
      return StageResult.section("topics", s);
    }
    s.put("model_id", modelId);
    s.put("fitted", fitted);
    if (note != null) {
      s.put("note", note);
    }
    s.put("algorithm", algorithm);
    s.put("k", k);
    s.put("k_choice", kChoice);
    s.put("seed", seed);
    s.put("fit_documents", fitDocuments);
    s.put("articles_assigned", articlesAssigned);
    s.put("articles_without_topic", articlesWithoutTopic);
    s.put("articles_undated", articlesUndated);
    s.put("topics_active", topicsActive);
    s.put("trend_rows", trendRows);
    s.put("largest", largest);
    return StageResult.section("topics", s);
  }
}
