import { execFileSync } from 'node:child_process';
import { cpus, totalmem, release } from 'node:os';
import { readFileSync } from 'node:fs';
import { CHROMIUM_PATH } from './launchChromium.ts';

export interface MachineInfo {
  readonly nproc: number;
  readonly cpuModel: string;
  readonly ramBytes: number;
  readonly kernel: string;
  readonly node: string;
  readonly chromium: string;
  readonly curl: string;
}

function firstLine(command: string, args: string[]): string {
  try {
    const out = execFileSync(command, args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return (
      out
        .split('\n')
        .find((line) => line.trim() !== '')
        ?.trim() ?? 'unknown'
    );
  } catch {
    return 'unknown';
  }
}

/** The machine and tool versions, printed with every result (figures only compare within a run). */
export function machineInfo(): MachineInfo {
  let cpuModel = cpus()[0]?.model ?? 'unknown';
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (match?.[1]) cpuModel = match[1].trim();
  } catch {
    // keep os.cpus()
  }
  return {
    nproc: Number(firstLine('nproc', [])) || cpus().length,
    cpuModel,
    ramBytes: totalmem(),
    kernel: release(),
    node: process.version,
    chromium: firstLine(CHROMIUM_PATH, ['--version']),
    curl: firstLine('curl', ['--version']),
  };
}
