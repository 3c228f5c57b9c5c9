package org.frontline.topics;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TopicLabelTest {
  private static List<TopicModelStore.Term> terms(String... t) {
    return Arrays.stream(t).map(x -> new TopicModelStore.Term(x, 1.0)).toList();
  }

  @Test
  void aWordInsideAChosenBigramIsNotRepeated() {
    assertEquals("air defence / drone / launch",
        TopicsJob.label(terms("air defence", "air", "defence", "drone", "launch")));
    // a bigram that contains an already chosen word replaces it
    assertEquals("drone attack / region / kharkiv",
        TopicsJob.label(terms("drone", "drone attack", "attack", "region", "kharkiv")));
    assertEquals("talks", TopicsJob.label(terms("talks")));
    assertEquals("(empty topic)", TopicsJob.label(List.of()));
  }
}
