package org.frontline.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Which commands weigh the lake's articles when they choose between generated and interpreted code: a night
 * reads the days its records touch, so its input alone decides (a night of 3,500 records on a lake of 180,000
 * articles is small data); a command over the whole lake counts its articles too.
 */
class LakeCommandTest {
  @Test
  void aNightIsSizedByItsInputOtherCommandsByTheLakeToo() {
    assertFalse(new NightlyCommand().readsLakeArticles());
    for (LakeCommand c : new LakeCommand[] {new RunCommand(), new IngestCommand(), new ExtractCommand(),
        new EventsCommand(), new TopicsCommand(), new TrendsCommand(), new ReportCommand()}) {
      assertTrue(c.readsLakeArticles(), c.name());
    }
  }
}
