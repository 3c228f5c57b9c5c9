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
   * Runs the tasks side by side and returns when all have ended, even if this thread is interrupted meanwhile
   * (its interrupt flag is set again on return); a failure is thrown once every task has ended, as it was
   * thrown (the first in argument order, any other added to it as suppressed).
   */
  public static void run(String name, Runnable... tasks) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, tasks.length), r -> {
      Thread t = new Thread(r, "frontline-" + name);
      t.setDaemon(true);
      return t;
    });
    boolean interrupted = false;
    Throwable first = null;
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Runnable task : tasks) {
        futures.add(pool.submit(task));
      }
      for (Future<?> f : futures) {
        while (true) {
          try {
            f.get();
            break;
          } catch (ExecutionException e) {
            if (first == null) {
              first = e.getCause();
            } else {
              first.addSuppressed(e.getCause());
            }
            break;
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
      }
    } finally {
      pool.shutdown();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    if (first != null) {
      throw rethrown(first);
    }
  }

  /** Throws a failure as it was thrown when unchecked; a checked one wrapped in an IllegalStateException. */
  public static RuntimeException rethrown(Throwable failure) {
    if (failure instanceof RuntimeException r) {
      throw r;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    throw new IllegalStateException(failure);
  }
}
