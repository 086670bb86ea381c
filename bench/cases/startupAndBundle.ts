import { join } from 'node:path';
import { createAppServer } from '../../server/createAppServer.ts';
import type { BenchReport, StartupSummary } from '../lib/benchReport.ts';
import { buildWithVite, type ModuleGroupSize } from '../lib/buildWithVite.ts';
import type { BenchContext } from '../lib/createBenchContext.ts';
import { measureBundleSize } from '../lib/measureBundleSize.ts';
import { measureStartup } from '../lib/measureStartup.ts';
import { spread } from '../lib/stats.ts';

/**
 * Bench cases `startup` and `bundle`: builds the real widget (vite.config.ts), measures the JS it
 * ships (gzip, startup files vs all) and the cold start inside the messenger's side panel.
 */
export async function runStartupAndBundle(
  ctx: BenchContext,
): Promise<{ startup: StartupSummary | undefined; bundle: BenchReport['bundle'] }> {
  const { args, log } = ctx;
  const widgetDist = join(ctx.tmp, 'widget-dist');
  let groups: ModuleGroupSize[];
  try {
    log('building the widget (vite.config.ts)…');
    groups = await buildWithVite('widget', widgetDist);
  } catch (error) {
    const message = `widget build failed: ${String(error).split('\n')[0]}`;
    return {
      startup: { frameToReadyMs: undefined, clickToReadyMs: undefined, error: message },
      bundle: {
        js: { raw: 0, gzip: 0 },
        startupJs: { raw: 0, gzip: 0, files: [] },
        css: { raw: 0, gzip: 0 },
        files: [],
        error: message,
      },
    };
  }
  let bundle: BenchReport['bundle'];
  if (!args.skip.has('bundle')) {
    const size = await measureBundleSize(widgetDist);
    const rendered = groups.reduce((sum, g) => sum + g.renderedBytes, 0);
    bundle = {
      ...size,
      composition: groups.map((g) => ({
        ...g,
        gzipEstimate: rendered > 0 ? (size.js.gzip * g.renderedBytes) / rendered : 0,
      })),
    };
    log(`bundle: startup JS ${(size.startupJs.gzip / 1000).toFixed(1)} kB gzip`);
  }
  let startup: StartupSummary | undefined;
  if (!args.skip.has('startup')) {
    const widgetServer = await createAppServer({ root: widgetDist, port: 0, host: '127.0.0.1' });
    ctx.onCleanup(() => widgetServer.close());
    const widgetPortal = await ctx.createEmulator({
      port: 0,
      dataDir: join(ctx.tmp, 'portal-startup'),
      appUrl: widgetServer.url,
    });
    ctx.onCleanup(() => widgetPortal.close());
    try {
      const runs = await measureStartup({
        portalUrl: widgetPortal.url,
        appOrigin: new URL(widgetServer.url).origin,
        runs: Math.max(args.runs, 5),
        warmup: args.warmup,
        timeoutMs: 20_000,
      });
      startup = {
        frameToReadyMs: spread(runs.map((r) => r.frameToReadyMs)),
        clickToReadyMs: spread(runs.map((r) => r.clickToReadyMs)),
        error: undefined,
      };
      log(`startup: frame → drop zone ${startup.frameToReadyMs?.median.toFixed(0)} ms (median)`);
    } catch (error) {
      startup = {
        frameToReadyMs: undefined,
        clickToReadyMs: undefined,
        error: String(error).split('\n')[0],
      };
    }
  }
  return { startup, bundle };
}
