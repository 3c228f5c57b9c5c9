package org.frontline.common;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

class ConcurrentlyTest {
  @Test
  void tasksRunSideBySideAndAFailureIsThrownOnceAllHaveEnded() {
    CountDownLatch both = new CountDownLatch(2);
    List<String> ended = new CopyOnWriteArrayList<>();
    Runnable meet = () -> {
      both.countDown();
      try {
        assertTrue(both.await(30, TimeUnit.SECONDS), "the other task did not run beside this one");
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      ended.add("met");
    };
    Concurrently.run("test", meet, meet);
    assertEquals(List.of("met", "met"), ended);

    ended.clear();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Concurrently.run("test",
        () -> ended.add("a"),
        () -> {
          throw new IllegalArgumentException("first");
        },
        () -> {
          throw new IllegalStateException("second");
        },
        () -> ended.add("d")));
    assertEquals("first", e.getMessage(), "the first failure in argument order, as thrown");
    assertEquals("second", e.getSuppressed()[0].getMessage(), "the other failure is not lost");
    assertEquals(2, ended.size(), "the other tasks ran to their end");
  }
}
