import { describe, expect, it } from 'vitest';
import type { TourRecord } from '$lib/shared/tour';
import { readTourForm } from './form';

const base: TourRecord = {
  slug: 'halls',
  title: { ru: 'Залы', en: 'Halls' },
  scenes: [
    {
      key: 's1',
      assetId: 5,
      title: { ru: 'Первый', en: 'First' },
      startView: { yaw: 0, pitch: 0 },
      narration: { assetId: 9 },
      hotspots: []
    }
  ],
  route: [],
  videos: []
};

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

describe('readTourForm', () => {
  it('orders scenes by their number, drops removed ones and keeps what the form does not show', () => {
    const tour = readTourForm(
      form({
        'title.ru': 'Залы',
        'title.en': 'Halls',
        'scenes.0.key': 's1',
        'scenes.0.position': '2',
        'scenes.0.assetId': '5',
        'scenes.0.title.ru': 'Первый',
        'scenes.0.title.en': 'First',
        'scenes.0.startView.yaw': '12,5',
        'scenes.0.startView.pitch': '-3',
        'scenes.1.key': 's2',
        'scenes.1.position': '1',
        'scenes.1.assetId': '6',
        'scenes.1.title.ru': 'Второй',
        'scenes.1.title.en': 'Second',
        'scenes.2.key': 's3',
        'scenes.2.remove': 'on',
        'scenes.2.assetId': '7',
        route: 's2\ns1\n'
      }),
      base,
      []
    );
    expect(tour.scenes!.map((s) => s.key)).toEqual(['s2', 's1']);
    expect(tour.scenes![1]).toMatchObject({
      startView: { yaw: 12.5, pitch: -3 },
      narration: { assetId: 9 }
    });
    expect(tour.route).toEqual(['s2', 's1']);
  });

  it('reads a new hotspot with a fresh key, and leaves out a row with no kind', () => {
    const tour = readTourForm(
      form({
        'scenes.0.key': 's1',
        'scenes.0.assetId': '5',
        'scenes.0.hotspots.0.key': 'h1',
        'scenes.0.hotspots.0.kind': 'text',
        'scenes.0.hotspots.0.label.ru': 'Станок',
        'scenes.0.hotspots.0.label.en': 'Lathe',
        'scenes.0.hotspots.0.target.body.ru': '<p>Текст</p>',
        'scenes.0.hotspots.0.target.body.en': '<p>Text</p>',
        'scenes.0.hotspots.1.key': '',
        'scenes.0.hotspots.1.kind': 'scene',
        'scenes.0.hotspots.1.position.yaw': '40',
        'scenes.0.hotspots.1.target.sceneKey': 's1',
        'scenes.0.hotspots.2.key': '',
        'scenes.0.hotspots.2.kind': ''
      }),
      base,
      []
    );
    const hotspots = tour.scenes![0]!.hotspots!;
    expect(hotspots.map((h) => h.key)).toEqual(['h1', 'h2']);
    expect(hotspots[1]).toMatchObject({
      position: { yaw: 40, pitch: 0 },
      target: { kind: 'scene', sceneKey: 's1' }
    });
  });

  it('adds the chosen panorama as a new scene named after its description', () => {
    const tour = readTourForm(
      form({ 'scenes.0.key': 's1', 'scenes.0.assetId': '5', addScene: '8' }),
      base,
      [{ id: 8, fileName: 'boiler.jpg', alt: { ru: 'Котельная', en: '' } }]
    );
    expect(tour.scenes![1]).toMatchObject({
      key: 's2',
      assetId: 8,
      title: { ru: 'Котельная', en: 'boiler' }
    });
  });
});
