import type { LongTaskSummary } from '../protocol.ts';

interface MemoryInfo {
  readonly usedJSHeapSize: number;
}

/** What one measured interval observed on the page's main thread. */
export interface ProbeReading {
  readonly longTasks: LongTaskSummary;
  readonly heapGrowthBytes: number | undefined;
  readonly heapPeakBytes: number | undefined;
}

export interface PageProbe {
  /** Starts an interval: forgets earlier long tasks, takes the heap baseline. */
  begin(): void;
  end(): ProbeReading;
}

function usedHeap(): number | undefined {
  // Chromium only (non-standard); precise with --enable-precise-memory-info.
  const memory = (performance as Performance & { memory?: MemoryInfo }).memory;
  return memory?.usedJSHeapSize;
}

/**
 * Long tasks (PerformanceObserver `longtask`, which reports tasks over 50 ms) and the main
 * thread's JS heap, sampled every 20 ms. The samples cannot see inside a long task, so the heap
 * peak is a lower bound; the runner's renderer RSS peak (VmHWM) is the real memory figure.
 */
export function createPageProbe(): PageProbe {
  let tasks: PerformanceEntry[] = [];
  let from = 0;
  let heapStart: number | undefined;
  let heapPeak: number | undefined;
  let sampler: ReturnType<typeof setInterval> | undefined;
  const observer = new PerformanceObserver((list) => {
    tasks.push(...list.getEntries());
  });
  observer.observe({ type: 'longtask', buffered: true });
  const sample = (): void => {
    const used = usedHeap();
    if (used !== undefined) heapPeak = Math.max(heapPeak ?? 0, used);
  };
  return {
    begin() {
      tasks = [];
      from = performance.now();
      heapStart = usedHeap();
      heapPeak = heapStart;
      if (sampler) clearInterval(sampler);
      sampler = setInterval(sample, 20);
    },
    end() {
      sample();
      if (sampler) clearInterval(sampler);
      sampler = undefined;
      // Entries are delivered asynchronously; take what has arrived plus the pending records.
      tasks.push(...observer.takeRecords());
      const inWindow = tasks.filter((entry) => entry.startTime + entry.duration >= from);
      const durations = inWindow.map((entry) => entry.duration);
      return {
        longTasks: {
          longestMs: durations.length ? Math.max(...durations) : 0,
          over50: durations.filter((d) => d > 50).length,
          totalMs: durations.reduce((sum, d) => sum + d, 0),
          top: [...inWindow]
            .sort((a, b) => b.duration - a.duration)
            .slice(0, 5)
            .map((entry) => ({
              atMs: Math.round(entry.startTime - from),
              durationMs: Math.round(entry.duration),
            })),
        },
        heapGrowthBytes:
          heapPeak !== undefined && heapStart !== undefined ? heapPeak - heapStart : undefined,
        heapPeakBytes: heapPeak,
      };
    },
  };
}
