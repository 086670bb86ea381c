import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

/** One process of the browser tree, as seen in /proc. */
export interface ProcessInfo {
  readonly pid: number;
  readonly isRenderer: boolean;
}

/** Resident memory of one process, bytes. */
export interface MemorySample {
  readonly pid: number;
  readonly isRenderer: boolean;
  readonly rss: number;
  readonly hwm: number;
}

function readParent(pid: number): number | undefined {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid ..." — comm may contain spaces, so cut after ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[1]);
  } catch {
    return undefined;
  }
}

/**
 * Whether a process hosts web pages and their Workers: Chromium's renderer (`--type=renderer`),
 * Firefox's content process (`-contentproc` … `tab`; other `-contentproc` types are utility,
 * socket, GPU) or WebKitGTK's `WebKitWebProcess` (not its network or GPU process).
 */
function isPageProcess(cmdline: string): boolean {
  // Chromium rewrites its children's command line into one space-separated string (setproctitle).
  const argv = cmdline.split(/[\0 ]/);
  if (argv.includes('--type=renderer')) return true;
  if (argv.includes('-contentproc')) return argv.includes('tab');
  return (argv[0] ?? '').endsWith('WebKitWebProcess');
}

/** Every live descendant of `rootPid` (inclusive), page processes marked (see isPageProcess). */
export function listProcessTree(rootPid: number): ProcessInfo[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const parent = readParent(pid);
    if (parent === undefined) continue;
    const list = children.get(parent) ?? [];
    list.push(pid);
    children.set(parent, list);
  }
  const out: ProcessInfo[] = [];
  const stack = [rootPid];
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    out.push({ pid, isRenderer: isPageProcess(cmdline) });
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

function kib(status: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match?.[1] ? Number(match[1]) * 1024 : 0;
}

/**
 * Resets the peak-RSS counter (VmHWM) of every process in the tree: writing 5 to
 * /proc/<pid>/clear_refs sets the high-water mark back to the current RSS (proc(5)).
 */
export function resetPeaks(rootPid: number): MemorySample[] {
  const samples: MemorySample[] = [];
  for (const proc of listProcessTree(rootPid)) {
    try {
      writeFileSync(`/proc/${proc.pid}/clear_refs`, '5');
    } catch {
      // process went away or is not ours; it is simply not sampled
    }
    const sample = readMemory(proc);
    if (sample) samples.push(sample);
  }
  return samples;
}

function readMemory(proc: ProcessInfo): MemorySample | undefined {
  try {
    const status = readFileSync(`/proc/${proc.pid}/status`, 'utf8');
    return { ...proc, rss: kib(status, 'VmRSS'), hwm: kib(status, 'VmHWM') };
  } catch {
    return undefined;
  }
}

/** Current RSS and peak RSS since the last reset, for every process in the tree. */
export function readPeaks(rootPid: number): MemorySample[] {
  return listProcessTree(rootPid)
    .map(readMemory)
    .filter((s): s is MemorySample => s !== undefined);
}

/** Growth of peak RSS over the baseline taken at reset, per renderer and for the whole browser. */
export interface MemoryGrowth {
  /** Largest growth of one renderer: the process that hosts the bench frame and its Worker. */
  readonly rendererPeakGrowth: number;
  /** Sum over all browser processes (browser, network service, renderers) of peak minus baseline. */
  readonly browserPeakGrowth: number;
}

export function memoryGrowth(
  baseline: readonly MemorySample[],
  peaks: readonly MemorySample[],
): MemoryGrowth {
  const base = new Map(baseline.map((s) => [s.pid, s.rss]));
  let renderer = 0;
  let browser = 0;
  for (const peak of peaks) {
    const growth = Math.max(0, peak.hwm - (base.get(peak.pid) ?? 0));
    browser += growth;
    if (peak.isRenderer) renderer = Math.max(renderer, growth);
  }
  return { rendererPeakGrowth: renderer, browserPeakGrowth: browser };
}
