import { PATH_LABELS, type BenchReport } from './benchReport.ts';
import { MiB, spread, type Spread } from './stats.ts';

const ms = (value: number): string =>
  value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
const mib = (value: number): string => `${(value / MiB).toFixed(value >= 10 * MiB ? 0 : 1)} MiB`;
const kb = (value: number): string => `${(value / 1000).toFixed(1)} kB`;

function cell(value: Spread | undefined, format: (n: number) => string): string {
  if (!value) return '–';
  if (value.n === 1 || value.min === value.max) return format(value.median);
  return `${format(value.median)} (${format(value.min)}–${format(value.max)})`;
}

/** The report as Markdown: a table per size, the extra scenarios, then the target list. */
export function renderMarkdown(report: BenchReport): string {
  const m = report.machine;
  const lines: string[] = [];
  lines.push(`# Chat Drop bench (${report.kind})`, '');
  lines.push(
    `${report.startedAt} · ${report.durationS.toFixed(0)} s · ${m.nproc} CPU (${m.cpuModel}) · RAM ${(m.ramBytes / 1024 ** 3).toFixed(1)} GiB · ${m.chromium} · Node ${m.node} · ${m.curl.split(' ').slice(0, 2).join(' ')} · load average ${report.loadAverage.start.toFixed(1)} → ${report.loadAverage.end.toFixed(1)}`,
    '',
    `Warm-up ${report.settings.warmup} + ${report.settings.runs} runs per path; medians with (min–max). Portal = the emulator over loopback http. "Longest task" = longest main-thread task seen by the Long Tasks API (0 = none over 50 ms). "Renderer peak" = growth of VmHWM of the page's renderer process; "browser peak" = sum over all Chromium processes.`,
    '',
  );
  for (const size of report.sizes) {
    lines.push(`## ${size.sizeMiB} MiB`, '');
    lines.push(
      '| Path | Total | vs curl | Longest task | Tasks > 50 ms | Renderer peak | Browser peak | JS heap peak | Encode | Failed |',
      '|---|---|---|---|---|---|---|---|---|---|',
    );
    for (const p of size.paths) {
      const ratio =
        p.path === 'chatdrop'
          ? size.ratioChatDropToCurl
          : p.path === 'plain'
            ? size.ratioPlainToCurl
            : 1;
      lines.push(
        `| ${PATH_LABELS[p.path]} | ${cell(p.totalMs, ms)} | ${ratio === undefined ? '–' : `${ratio.toFixed(2)}×`} | ${cell(p.longestTaskMs, ms)} | ${cell(p.tasksOver50, String)} | ${cell(p.rendererPeakGrowth, mib)} | ${cell(p.browserPeakGrowth, mib)} | ${cell(p.heapPeakBytes, mib)} | ${cell(p.encodeMs, ms)} | ${p.failures} |`,
      );
    }
    lines.push('');
  }
  if (report.many) {
    lines.push('## Many small files (rate limit on)', '');
    lines.push(
      '| Path | Files | Delivered | Failed | Total | Files/s | Rate-limit pace | Longest task | Errors |',
      '|---|---|---|---|---|---|---|---|---|',
    );
    for (const r of report.many) {
      lines.push(
        `| ${r.path === 'chatdrop' ? 'Chat Drop queue (createUploadQueue)' : 'Plain SDK, one at a time'} | ${r.count} × ${kb(r.sizeBytes)} | ${r.delivered} | ${r.failed} | ${ms(r.totalMs)} | ${r.filesPerSecond.toFixed(2)} | ${r.rateLimitPaceS.toFixed(0)} s | ${ms(r.longestTaskMs)} | ${r.errorCodes.join(', ') || '–'} |`,
      );
    }
    lines.push('');
  }
  if (report.slow) {
    lines.push('## Slow uplink', '');
    lines.push(
      '| Path | Uplink | Result | Total | Requests started | Accepted by portal | Bytes sent | Progress events (max gap) | Longest task |',
      '|---|---|---|---|---|---|---|---|---|',
    );
    for (const r of report.slow) {
      lines.push(
        `| ${r.path} | ${mib(r.uplinkBytesPerSecond)}/s, ${mib(r.sizeBytes)} file | ${r.ok ? 'delivered' : `failed: ${r.errorCode ?? '?'}`} | ${ms(r.totalMs)} | ${r.requestsStarted} | ${r.accepted} | ${mib(r.bytesUp)} | ${r.progressEvents === undefined ? 'no progress API' : `${r.progressEvents} (${ms(r.progressMaxGapMs ?? 0)})`} | ${ms(r.longestTaskMs)} |`,
      );
    }
    lines.push('');
  }
  if (report.concurrency) {
    lines.push('## Engine concurrency (Chat Drop queue)', '');
    lines.push(
      '| Concurrency | Case | Delivered | Total | Files/s | MiB/s | Longest task | Tasks > 50 ms | Renderer peak | Codes seen |',
      '|---|---|---|---|---|---|---|---|---|---|',
    );
    for (const row of report.concurrency) {
      for (const c of [row.small, row.large]) {
        lines.push(
          `| ${row.concurrency} | ${c.count} × ${c.sizeBytes >= MiB ? mib(c.sizeBytes) : kb(c.sizeBytes)} | ${c.delivered}/${c.count} | ${ms(c.totalMs)} | ${c.filesPerSecond.toFixed(2)} | ${(c.bytesPerSecond / MiB).toFixed(1)} | ${ms(c.longestTaskMs)} | ${c.tasksOver50} | ${c.rendererPeakGrowth === undefined ? '–' : mib(c.rendererPeakGrowth)} | ${c.errorCodes.join(', ') || '–'} |`,
        );
      }
    }
    lines.push('');
    const levels = [...new Set(report.concurrency.map((r) => r.concurrency))].sort((a, b) => a - b);
    const byLevel = levels.map((level) => {
      const rows = report.concurrency?.filter((r) => r.concurrency === level) ?? [];
      return {
        level,
        large: spread(rows.map((r) => r.large.totalMs)),
        small: spread(rows.map((r) => r.small.totalMs)),
        task: spread(rows.flatMap((r) => [r.large.longestTaskMs, r.small.longestTaskMs])),
        peak: spread(rows.map((r) => r.large.rendererPeakGrowth ?? 0)),
      };
    });
    lines.push(
      'Per setting (median over repeats, min–max):',
      '',
      '| Concurrency | 10 × 10 MiB total | 100 × 100 KiB total | Longest task | Renderer peak (large) |',
      '|---|---|---|---|---|',
      ...byLevel.map(
        (b) =>
          `| ${b.level} | ${cell(b.large, ms)} | ${cell(b.small, ms)} | ${cell(b.task, ms)} | ${cell(b.peak, mib)} |`,
      ),
      '',
    );
  }
  if (report.startup) {
    lines.push('## Startup (real widget build, cold cache)', '');
    if (report.startup.error) lines.push(`Not measured: ${report.startup.error}`, '');
    else
      lines.push(
        `Frame navigation start → drop zone input present: ${cell(report.startup.frameToReadyMs, ms)}; click on "open" → same: ${cell(report.startup.clickToReadyMs, ms)}.`,
        '',
      );
  }
  if (report.bundle) {
    lines.push('## Shipped size', '');
    if (report.bundle.error) lines.push(`Not measured: ${report.bundle.error}`, '');
    else {
      lines.push(
        `JS at startup ${kb(report.bundle.startupJs.raw)} raw / ${kb(report.bundle.startupJs.gzip)} gzip (${report.bundle.startupJs.files.join(', ')}) · all JS ${kb(report.bundle.js.raw)} raw / ${kb(report.bundle.js.gzip)} gzip · CSS ${kb(report.bundle.css.raw)} raw / ${kb(report.bundle.css.gzip)} gzip`,
        '',
        '| File | Raw | Gzip |',
        '|---|---|---|',
        ...report.bundle.files.map((f) => `| ${f.file} | ${kb(f.raw)} | ${kb(f.gzip)} |`),
        '',
      );
      const parts = report.bundle.composition ?? [];
      if (parts.length > 0) {
        lines.push(
          'What the JS is made of (code before minification; gzip shared out pro rata, an estimate):',
          '',
          '| Package / area | Before minification | ≈ gzip |',
          '|---|---|---|',
          ...parts
            .slice(0, 14)
            .map((p) => `| ${p.group} | ${kb(p.renderedBytes)} | ${kb(p.gzipEstimate)} |`),
          '',
        );
      }
    }
  }
  lines.push('## Targets', '', '| Target | Value | Limit | Met |', '|---|---|---|---|');
  for (const t of report.targets) {
    lines.push(
      `| ${t.name}${t.note ? ` (${t.note})` : ''} | ${t.value === null ? '–' : `${Number(t.value.toFixed(2))} ${t.unit}`} | ${t.limit} ${t.unit} | ${t.met ? 'yes' : '**no**'} |`,
    );
  }
  if (report.notes.length > 0) lines.push('', '## Notes', '', ...report.notes.map((n) => `- ${n}`));
  lines.push('');
  return lines.join('\n');
}
