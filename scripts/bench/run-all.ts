/**
 * npm run bench — every benchmark in sequence on one build, then the lines with a missed target.
 * Exits 0 when targets are missed; exits 1 only if a benchmark could not run at all.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureBuild, main, root } from './server';

const benches = ['page-size', 'lighthouse', 'throughput', 'startup'];

function run(name: string): Promise<{ code: number; missed: string[] }> {
  return new Promise((resolve) => {
    const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
    // One build for all: a source edited meanwhile must not change the build between benches.
    const child = spawn(tsx, [path.join(root, 'scripts', 'bench', `${name}.ts`)], {
      env: { ...process.env, BENCH_BUILD: '0' },
      stdio: ['ignore', 'pipe', 'inherit']
    });
    const missed: string[] = [];
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      missed.push(...lines.filter((l) => l.includes('MISSED')));
    });
    child.on('close', (code) => {
      if (pending.includes('MISSED')) missed.push(pending);
      resolve({ code: code ?? 1, missed });
    });
  });
}

main(async () => {
  ensureBuild();
  const failed: string[] = [];
  const missed: string[] = [];
  for (const name of benches) {
    console.log(`\n######## ${name}\n`);
    const result = await run(name);
    if (result.code !== 0) failed.push(name);
    missed.push(...result.missed.map((l) => `${name}: ${l.trim().replace(/\s{2,}/g, '  ')}`));
  }
  console.log('\n######## summary');
  console.log(missed.length ? `missed targets:\n${missed.join('\n')}` : 'every target met');
  if (failed.length) throw new Error(`could not run: ${failed.join(', ')}`);
});
