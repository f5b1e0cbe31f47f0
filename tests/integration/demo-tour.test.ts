import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '$lib/server/app';
import { loadConfig } from '$lib/server/config';
import { dialects, freshDatabase } from './databases';
import { execFileSync } from 'node:child_process';

function hasSpeech(): boolean {
  try {
    execFileSync('espeak-ng', ['--version'], { stdio: 'ignore' });
    execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe.each(dialects)('the demo tour on %s', (dialect) => {
  it('is drawn, tiled and published in the background after a first start', async () => {
    const test = await freshDatabase(dialect);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kraeved-demo-tour-'));
    const app = await createApp(
      loadConfig({
        DATA_DIR: dataDir,
        DEMO_DATA: 'on',
        DEMO_PICTURES: 'off',
        LOG_LEVEL: 'silent',
        ...(test.location.kind === 'postgres'
          ? { DATABASE_URL: test.location.url, AUTH_SECRET: 'a'.repeat(40) }
          : {})
      })
    );
    try {
      await expect
        .poll(() => app.tours.page('industrial-heritage', 'demo-halls', 'ru'), {
          timeout: 90_000,
          interval: 500
        })
        .not.toBeNull();
      const tour = (await app.tours.page('industrial-heritage', 'demo-halls', 'en'))!;
      expect(tour.summary).toMatch(/demonstration/);
      expect(tour.scenes.map((s) => s.key)).toEqual(['garage', 'storage', 'plant']);
      expect(tour.route).toEqual(['garage', 'storage', 'plant']);
      const garage = tour.scenes[0]!;
      // Drawn at 4096×2048: tiles at 2048 and 4096, and a small base image.
      expect(garage.tiles.levels.map((l) => l.width)).toEqual([2048, 4096]);
      expect(garage.base.bytes).toBeLessThan(100_000);
      expect(garage.hotspots.find((h) => h.target.kind === 'scene')?.target).toMatchObject({
        kind: 'scene',
        sceneKey: 'storage'
      });
      // Each hall opens one of the museum's demo objects, published before the tour.
      const exhibit = garage.hotspots.find((h) => h.target.kind === 'exhibit')?.target;
      expect(exhibit).toMatchObject({
        kind: 'exhibit',
        url: expect.stringMatching(/^\/museums\/industrial-heritage\/exhibits\/\d+$/)
      });
      expect(garage.alt).toMatch(/drawn panorama/i);
      // Spoken by espeak-ng where Debian's package is installed (CI installs it).
      expect(garage.narration !== null).toBe(hasSpeech());
    } finally {
      await app.worker?.stop();
      await app.database.close();
      await test.dispose();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
