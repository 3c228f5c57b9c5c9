package org.frontline.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import org.apache.spark.SparkContext;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;
import org.frontline.lake.StageResult;
import org.frontline.pipeline.Stage;
import org.frontline.pipeline.StageRunner;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Measures one window of work (a pipeline stage or the baseline) in the driver's JVM: wall time, Spark's task
 * metrics summed over the window (shuffle, input, output, spill, task time, GC time, tasks and Spark stages,
 * the Spark stages that took the most task time), and the driver's heap: the highest heap in use just after
 * a garbage collection (the live data, not the garbage between collections) and the heap left after a full
 * collection at the end of the window. In local mode the driver's JVM also runs the tasks, so the heap
 * includes their working memory. One meter per SparkContext; windows do not overlap.
 */
public final class StageMeter extends SparkListener implements NotificationListener, AutoCloseable {
  /** What one window measured. */
  public record Window(String name, double seconds, long tasks, long sparkStages, long shuffleWriteBytes,
                       long shuffleReadBytes, long inputBytes, long inputRecords, long outputBytes, long spillBytes,
                       double taskSeconds, double gcSeconds, long heapPeakBytes, long heapAfterBytes,
                       List<SparkStage> topStages) {}

  /** Task time of the Spark stages with one call site (several attempts or jobs may share it). */
  public record SparkStage(String callSite, long stages, long tasks, double taskSeconds) {}

  /** The heap's memory pools (a GC notification also reports metaspace and the code cache). */
  private static final List<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(p -> p.getType() == MemoryType.HEAP)
      .map(MemoryPoolMXBean::getName).toList();

  private final SparkContext sc;
  private final AtomicLong tasks = new AtomicLong();
  private final AtomicLong stages = new AtomicLong();
  private final AtomicLong shuffleWrite = new AtomicLong();
  private final AtomicLong shuffleRead = new AtomicLong();
  private final AtomicLong input = new AtomicLong();
  private final AtomicLong inputRecords = new AtomicLong();
  private final AtomicLong output = new AtomicLong();
  private final AtomicLong spill = new AtomicLong();
  private final AtomicLong taskNanos = new AtomicLong();
  private final AtomicLong gcMillis = new AtomicLong();
  private final AtomicLong heapPeak = new AtomicLong();
  private final Map<String, long[]> byCallSite = new HashMap<>();
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private String current;
  private long started;

  public StageMeter(SparkContext sc) {
    this.sc = sc;
    sc.addSparkListener(this);
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter e) {
        e.addNotificationListener(this, null, null);
        emitters.add(e);
      }
    }
  }

  /** A pipeline listener that measures each stage as one window and adds it to {@code windows}. */
  public StageRunner.Listener windowPerStage(List<Window> windows) {
    return new StageRunner.Listener() {
      @Override
      public void started(Stage stage) {
        begin(stage.name());
      }

      @Override
      public void finished(Stage stage, StageResult result, double seconds) {
        windows.add(end());
      }
    };
  }

  /** Starts a window; the previous one must have ended. */
  public synchronized void begin(String name) {
    if (current != null) {
      throw new IllegalStateException("window '" + current + "' has not ended");
    }
    drainListenerBus();
    for (AtomicLong a : List.of(tasks, stages, shuffleWrite, shuffleRead, input, inputRecords, output, spill, taskNanos,
        gcMillis)) {
      a.set(0);
    }
    byCallSite.clear();
    heapPeak.set(0);
    current = name;
    started = System.nanoTime();
  }

  /** Ends the window and returns what it measured. */
  public Window end() {
    double seconds = (System.nanoTime() - started) / 1e9;
    drainListenerBus();
    System.gc();
    long after = heapUsed();
    heapPeak.accumulateAndGet(after, Math::max);
    List<SparkStage> top;
    String name;
    synchronized (this) {
      top = byCallSite.entrySet().stream()
          .map(e -> new SparkStage(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2] / 1e9))
          .sorted(Comparator.comparingDouble(SparkStage::taskSeconds).reversed()
              .thenComparing(SparkStage::callSite))
          .limit(5).toList();
      name = current;
      current = null;
    }
    return new Window(name, seconds, tasks.get(), stages.get(), shuffleWrite.get(), shuffleRead.get(),
        input.get(), inputRecords.get(), output.get(), spill.get(), taskNanos.get() / 1e9, gcMillis.get() / 1e3,
        heapPeak.get(), after, top);
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    TaskMetrics m = end.taskMetrics();
    tasks.incrementAndGet();
    if (m == null) {
      return;
    }
    shuffleWrite.addAndGet(m.shuffleWriteMetrics().bytesWritten());
    shuffleRead.addAndGet(m.shuffleReadMetrics().totalBytesRead());
    input.addAndGet(m.inputMetrics().bytesRead());
    inputRecords.addAndGet(m.inputMetrics().recordsRead());
    output.addAndGet(m.outputMetrics().bytesWritten());
    spill.addAndGet(m.diskBytesSpilled());
    taskNanos.addAndGet(m.executorRunTime() * 1_000_000L);
    gcMillis.addAndGet(m.jvmGCTime());
  }

  @Override
  public synchronized void onStageCompleted(SparkListenerStageCompleted completed) {
    StageInfo info = completed.stageInfo();
    stages.incrementAndGet();
    long runNanos = 0;
    if (info.taskMetrics() != null) {
      runNanos = info.taskMetrics().executorRunTime() * 1_000_000L;
    }
    // the stage's name is its call site: "count at IngestJob.java:82" and the like
    long[] v = byCallSite.computeIfAbsent(info.name() == null ? "?" : info.name(), k -> new long[3]);
    v[0]++;
    v[1] += info.numTasks();
    v[2] += runNanos;
  }

  @Override
  public void handleNotification(Notification n, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
    Map<String, MemoryUsage> after = info.getGcInfo().getMemoryUsageAfterGc();
    long used = 0;
    for (String pool : HEAP_POOLS) {
      MemoryUsage u = after.get(pool);
      used += u == null ? 0 : u.getUsed();
    }
    heapPeak.accumulateAndGet(used, Math::max);
  }

  private static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Spark delivers listener events asynchronously: wait until those of finished jobs have arrived. */
  private void drainListenerBus() {
    try {
      sc.listenerBus().waitUntilEmpty(60_000);
    } catch (TimeoutException | RuntimeException e) {
      // a timeout only makes the counts of this window late, not wrong for the run
    }
  }

  @Override
  public void close() {
    sc.removeSparkListener(this);
    for (NotificationEmitter e : emitters) {
      try {
        e.removeNotificationListener(this);
      } catch (ListenerNotFoundException ignored) {
        // already gone
      }
    }
  }
}
