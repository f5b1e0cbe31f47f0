import { describe, expect, it } from 'vitest';
import { embedCode } from './embed';

describe('embedCode', () => {
  const choice = {
    origin: 'https://kraeved.example',
    museumSlug: 'industrial-heritage',
    tourSlug: 'machine-halls',
    title: 'Залы «машин» & "депо"',
    sceneKey: null,
    width: 800,
    height: 600
  };

  it('frames the whole tour at the chosen size', () => {
    expect(embedCode(choice)).toBe(
      '<iframe src="https://kraeved.example/embed/tours/industrial-heritage/machine-halls" ' +
        'width="800" height="600" title="Залы «машин» &amp; &quot;депо&quot;" style="border:0" ' +
        'loading="lazy" allow="fullscreen; gyroscope; accelerometer" allowfullscreen></iframe>'
    );
  });

  it('frames one scene when one is chosen', () => {
    expect(embedCode({ ...choice, sceneKey: 's2', width: 560, height: 420 })).toContain(
      'machine-halls?scene=s2" width="560" height="420"'
    );
  });
});
