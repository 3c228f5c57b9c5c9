package org.frontline.notebook;

import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * JShell's execution engine for the kernel: snippets run in the kernel's own JVM (so they share its classpath,
 * its SparkSession and its display), on one long-lived thread (Spark keeps thread-local state), and the value
 * of each snippet is kept as the object itself, not only as JShell's string: JShell is given a key, and the
 * kernel takes the object back by that key to render it (a Dataset as a table, a chart as SVG).
 */
final class InProcessExecution extends DirectExecutionControl {
  private static final String KEY_PREFIX = "frontline-value-";
  private final Map<String, Object> values = new ConcurrentHashMap<>();
  private final AtomicLong next = new AtomicLong();
  private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "notebook-cell");
    t.setDaemon(true);
    return t;
  });
  private volatile Thread running;

  @Override
  protected String invoke(Method doit) throws Exception {
    Future<Object> result = thread.submit(() -> {
      running = Thread.currentThread();
      // classes defined by snippets must be visible to Spark, which loads user classes by the context loader
      running.setContextClassLoader(doit.getDeclaringClass().getClassLoader());
      try {
        return doit.invoke(null);
      } finally {
        running = null;
      }
    });
    try {
      Object value = result.get();
      String key = KEY_PREFIX + next.incrementAndGet();
      if (value != null) {
        values.put(key, value);
      }
      return key;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception ex) {
        throw ex; // InvocationTargetException: JShell turns it into the user's exception
      }
      throw new InvocationTargetException(cause);
    }
  }

  /** The object a snippet returned, by the key JShell reported as its value (null when none). */
  Object take(String key) {
    return key == null ? null : values.remove(key);
  }

  void clear() {
    values.clear();
  }

  /** Interrupts the running cell: first politely, then (JDK 17) by stopping its thread. */
  @Override
  @SuppressWarnings("deprecation")
  public void stop() {
    Thread t = running;
    if (t == null) {
      return;
    }
    t.interrupt();
    try {
      t.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (t.isAlive() && running == t) {
      try {
        t.stop();
      } catch (UnsupportedOperationException ignored) {
        // newer JDKs cannot stop a thread; the interrupt above is all there is
      }
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
    super.close();
  }

  /** Hands JShell this engine (one instance per kernel). */
  static final class Provider implements ExecutionControlProvider {
    private final InProcessExecution instance;

    Provider(InProcessExecution instance) {
      this.instance = instance;
    }

    @Override
    public String name() {
      return "frontline-in-process";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
      return instance;
    }
  }
}
