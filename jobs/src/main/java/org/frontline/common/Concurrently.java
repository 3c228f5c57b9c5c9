package org.frontline.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Independent driver-side work run side by side: each task in a thread of its own (Spark's thread-local job
 * properties are inherited), all awaited. Spark schedules their jobs together, so one task's tasks run while
 * another's query is planned or committed. Used for writes to different lake tables.
 */
public final class Concurrently {
  private Concurrently() {}

  /**
   * Runs the tasks side by side and returns when all have ended; a failure is thrown once every task has
   * ended (the first in argument order when several fail), as it was thrown.
   */
  public static void run(String name, Runnable... tasks) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, tasks.length), r -> {
      Thread t = new Thread(r, "frontline-" + name);
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Runnable task : tasks) {
        futures.add(pool.submit(task));
      }
      Throwable first = null;
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (ExecutionException e) {
          first = first == null ? e.getCause() : first;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          first = first == null ? e : first;
        }
      }
      if (first instanceof RuntimeException r) {
        throw r;
      }
      if (first instanceof Error e) {
        throw e;
      }
      if (first != null) {
        throw new IllegalStateException(first);
      }
    } finally {
      pool.shutdown();
    }
  }
}
