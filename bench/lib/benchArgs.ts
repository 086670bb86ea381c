import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ENGINES, type EngineName } from './launchEngine.ts';

/** Every case the runner knows, in the order it runs them. */
export const CASES = [
  'upload',
  'encode',
  'many',
  'concurrency',
  'ten',
  'throttled',
  'http2',
  'startup',
  'bundle',
] as const;
export type CaseName = (typeof CASES)[number];

export interface BenchArgs {
  readonly quick: boolean;
  readonly sizesMiB: readonly number[];
  readonly runs: number;
  readonly warmup: number;
  readonly out: string;
  /** Cases left out (`--skip`), plus what `--quick` leaves out. */
  readonly skip: ReadonlySet<CaseName>;
  readonly uplinkMiBps: number;
  readonly slowSizeMiB: number;
  readonly manyCount: number;
  readonly manyKiB: number;
  readonly concurrency: readonly number[];
  /** Engines of the `upload` case (Chromium runs every case; the others the upload case only). */
  readonly engines: readonly EngineName[];
}

const USAGE = `Usage: npm run bench -- [--quick] [--sizes 1,10,50,100] [--runs 3] [--warmup 1]
  [--out bench/results/results.json] [--skip ${CASES.join(',')}] [--only upload,ten,…]
  [--uplink-mibps 8] [--slow-size 100] [--many-count 100] [--many-kib 100]
  [--concurrency 1,2,3,4] [--engines chromium,firefox,webkit]
--quick: 100 MiB upload + encode cases only (about 3 min on an idle 2-CPU machine).
--engines: also run the upload case (Chat Drop vs curl) in Firefox ESR and/or WebKitGTK.\n`;

/** Parses the command line; prints usage and exits on --help or a bad value. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      sizes: { type: 'string' },
      runs: { type: 'string', default: '3' },
      warmup: { type: 'string', default: '1' },
      out: { type: 'string' },
      skip: { type: 'string', default: '' },
      only: { type: 'string' },
      'uplink-mibps': { type: 'string', default: '8' },
      'slow-size': { type: 'string', default: '100' },
      'many-count': { type: 'string', default: '100' },
      'many-kib': { type: 'string', default: '100' },
      concurrency: { type: 'string', default: '1,2,3,4' },
      engines: { type: 'string', default: 'chromium' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const quick = values.quick;
  const list = (text: string): string[] => text.split(',').filter(Boolean);
  const unknown = [...list(values.skip), ...list(values.only ?? '')].filter(
    (name) => !(CASES as readonly string[]).includes(name),
  );
  const skip = new Set<CaseName>(list(values.skip) as CaseName[]);
  if (values.only !== undefined) {
    const only = new Set(list(values.only));
    for (const name of CASES) if (!only.has(name)) skip.add(name);
  } else if (quick) {
    for (const name of CASES) if (name !== 'upload' && name !== 'encode') skip.add(name);
  }
  const args: BenchArgs = {
    quick,
    sizesMiB: list(values.sizes ?? (quick ? '100' : '1,10,50,100')).map(Number),
    runs: Number(values.runs),
    warmup: Number(values.warmup),
    // A bare file name goes to bench/results/ (the bench owns that folder, not the repo root).
    out: ((name) => (name.includes('/') ? resolve(name) : resolve('bench/results', name)))(
      values.out ?? (quick ? 'quick.json' : 'results.json'),
    ),
    skip,
    uplinkMiBps: Number(values['uplink-mibps']),
    slowSizeMiB: Number(values['slow-size']),
    manyCount: Number(values['many-count']),
    manyKiB: Number(values['many-kib']),
    concurrency: list(values.concurrency).map(Number),
    engines: list(values.engines) as EngineName[],
  };
  const bad =
    unknown.length > 0 ||
    args.sizesMiB.some((n) => !Number.isFinite(n) || n <= 0 || n > 100) ||
    args.concurrency.some((n) => !Number.isInteger(n) || n < 1 || n > 16) ||
    args.engines.some((e) => !(ENGINES as readonly string[]).includes(e)) ||
    !(args.runs >= 1) ||
    !(args.warmup >= 0) ||
    !(args.uplinkMiBps > 0) ||
    !(args.slowSizeMiB > 0 && args.slowSizeMiB <= 100);
  if (bad) {
    process.stderr.write(
      `bench: ${unknown.length > 0 ? `unknown case(s) ${unknown.join(', ')}; ` : ''}--sizes takes MiB values in (0, 100]; --concurrency integers in [1, 16]; --engines from ${ENGINES.join(',')}; --runs ≥ 1; --warmup ≥ 0\n${USAGE}`,
    );
    process.exit(2);
  }
  return args;
}
