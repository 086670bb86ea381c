import { describePhases } from '../cases/targets.ts';
import { PATH_LABELS, type BenchReport, type NotRun, type VersusCurl } from './benchReport.ts';
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

const ENCODE_LABELS = {
  shipped:
    'Shipped: table base64 into bytes, 3 MiB reads, next read in flight (createWorkerEncoder)',
  'shipped-12MiB': 'Shipped encoder with 12 MiB chunks',
  'native-string-3MiB': 'Before issue 13: per 3 MiB toBase64 → new Blob([string])',
  'native-only': 'Native toBase64 of the whole file, no Blob (floor of base64 alone)',
  'read-floor': "Reading the file's stream, nothing else (floor of reading)",
  'store-floor':
    'Blob parts of 4 MiB from one ready buffer, as many as the base64 needs (floor of storing)',
} as const;

function versusRows(label: string, figure: VersusCurl | NotRun | undefined): string[] {
  if (!figure) return [];
  if ('notRun' in figure) return [`| ${label} | not run: ${figure.notRun} | | | |`];
  return [
    `| ${figure.label} | ${cell(figure.chatdropMs, ms)} | ${cell(figure.curlMs, ms)} | ${figure.ratio === undefined ? '–' : `${figure.ratio.toFixed(2)}×`} | ${[`failures: Chat Drop ${figure.chatdropFailures}, curl ${figure.curlFailures}`, ...figure.details].join('; ')} |`,
  ];
}

/**
 * `--engines`: Chat Drop vs curl per engine and size, next to the targets. Chromium's row comes
 * from the main upload case. Longest task: Chromium only (`longtask` entries). Memory: growth of
 * the peak RSS (VmHWM) of the page's process, found in the browser's process tree in /proc.
 */
function engineRows(report: BenchReport): string[] {
  if (!report.engines?.length) return [];
  const rows = [
    {
      engine: 'chromium',
      version: report.machine.chromium.replace(/ built on.*/, ''),
      sizes: report.sizes,
      error: undefined,
    },
    ...report.engines,
  ];
  const out = [
    '## Per engine (upload case: Chat Drop vs curl)',
    '',
    "Memory = growth of VmHWM of the page's process (Chromium renderer, Firefox content process `-contentproc … tab`, WebKitGTK `WebKitWebProcess`), from /proc. Longest task: only Chromium reports `longtask` entries. The encoder is the same table-based base64 in a Worker in every engine.",
    '',
    '| Engine | Version | Size | Chat Drop | curl | vs curl | Encode phase | Longest task | Page process peak | Failed |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    if (row.error)
      out.push(`| ${row.engine} | ${row.version} | not run: ${row.error} | | | | | | | |`);
    for (const size of row.sizes) {
      const of = (path: string) => size.paths.find((p) => p.path === path);
      const cd = of('chatdrop');
      const growth = cd?.rendererPeakGrowth;
      out.push(
        `| ${row.engine} | ${row.version} | ${size.sizeMiB} MiB | ${cell(cd?.totalMs, ms)} | ${cell(of('curl')?.totalMs, ms)} | ${size.ratioChatDropToCurl === undefined ? '–' : `${size.ratioChatDropToCurl.toFixed(2)}×`} | ${cell(cd?.encodeMs, ms)} | ${row.engine === 'chromium' ? cell(cd?.longestTaskMs, ms) : 'not reported'} | ${cell(growth, mib)}${growth ? ` (${(growth.median / size.sizeBytes).toFixed(2)}× file)` : ''} | ${(cd?.failures ?? 0) + (of('curl')?.failures ?? 0)} |`,
      );
    }
  }
  return [...out, ''];
}

/** The report as Markdown: the target table first, then each case's figures and the notes. */
export function renderMarkdown(report: BenchReport, argv: readonly string[] = []): string {
  const m = report.machine;
  const lines: string[] = [];
  lines.push(`# Chat Drop bench (${report.kind})`, '');
  lines.push(`Command: \`npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}\``, '');
  lines.push(
    `${report.startedAt} · ${report.durationS.toFixed(0)} s · ${m.nproc} CPU (${m.cpuModel}) · RAM ${(m.ramBytes / 1024 ** 3).toFixed(1)} GiB · ${m.chromium} · Node ${m.node} · ${m.curl.split(' ').slice(0, 2).join(' ')} · load average ${report.loadAverage.start.toFixed(1)} → ${report.loadAverage.end.toFixed(1)}`,
    '',
    `Warm-up ${report.settings.warmup} + ${report.settings.runs} runs per path; medians with (min–max). Portal = the emulator, ${report.settings.transport}. "Longest task" = longest main-thread task seen by the Long Tasks API (0 = none over 50 ms). "Renderer peak" = growth of VmHWM of the page's renderer process; "browser peak" = sum over all Chromium processes.`,
    '',
  );
  lines.push(
    '## Targets (issue 13)',
    '',
    '| Figure | Value | Target | Met |',
    '|---|---|---|---|',
    ...report.targets.map(
      (t) =>
        `| ${t.name}${t.note ? ` (${t.note})` : ''} | ${t.value === null ? '–' : `${Number(t.value.toFixed(2))} ${t.unit}`} | ≤ ${t.limit} ${t.unit} | ${t.notRun ? `not run: ${t.notRun}` : t.met ? 'met' : '**missed**'} |`,
    ),
    '',
  );
  lines.push(...engineRows(report));
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
    if (size.phases) {
      lines.push(`Chat Drop phases (medians): ${describePhases(size.phases)}.`, '');
    }
  }
  if (report.encode) {
    lines.push('## Encode strategies (Worker, nothing sent)', '');
    lines.push('| Strategy | Time | Output | Longest task | Failed |', '|---|---|---|---|---|');
    for (const e of report.encode) {
      lines.push(
        `| ${ENCODE_LABELS[e.variant]} | ${cell(e.totalMs, ms)} | ${mib(e.outputBytes)} | ${ms(e.longestTaskMs)} | ${e.failures}${e.error ? ` (${e.error})` : ''} |`,
      );
    }
    lines.push('');
  }
  if (report.ten || report.throttled || report.http2) {
    lines.push('## Chat Drop vs curl', '');
    lines.push('| Case | Chat Drop | curl | Ratio | Details |', '|---|---|---|---|---|');
    lines.push(
      ...versusRows('10 × 10 MiB', report.ten),
      ...versusRows('Throttled uplink', report.throttled),
      ...versusRows('HTTPS + HTTP/2', report.http2),
      '',
    );
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
  if (report.notes.length > 0) lines.push('', '## Notes', '', ...report.notes.map((n) => `- ${n}`));
  lines.push('');
  return lines.join('\n');
}
