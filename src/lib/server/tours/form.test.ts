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
        route: '',
        'route.0.scene': 's2',
        'route.1.scene': 's1'
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

  it('places scenes on the floor plan in per cent, sets narration, and removes the plan', () => {
    const fields = {
      floorPlanAssetId: '12',
      'scenes.0.key': 's1',
      'scenes.0.assetId': '5',
      'scenes.0.plan.x': '25,5',
      'scenes.0.plan.y': '140',
      'scenes.0.narration.assetId': '',
      'scenes.1.key': 's2',
      'scenes.1.assetId': '6',
      'scenes.1.plan.x': '',
      'scenes.1.plan.y': '',
      'scenes.1.narration.assetId': '9',
      'scenes.1.narration.transcript.ru': 'Здесь стоял паровой молот.',
      'scenes.1.narration.transcript.en': ''
    };
    const tour = readTourForm(form(fields), base, []);
    expect(tour.floorPlanAssetId).toBe(12);
    expect(tour.scenes![0]).toMatchObject({ plan: { x: 0.255, y: 1 }, narration: null });
    expect(tour.scenes![1]).toMatchObject({
      plan: null,
      narration: { assetId: 9, transcript: { ru: 'Здесь стоял паровой молот.', en: '' } }
    });
    expect(readTourForm(form({ ...fields, removePlan: '' }), base, []).floorPlanAssetId).toBe(null);
  });

  it('orders the route by its rows and applies the button pressed, dropping removed scenes', () => {
    const fields = {
      'scenes.0.key': 's1',
      'scenes.0.assetId': '5',
      'scenes.1.key': 's2',
      'scenes.1.assetId': '6',
      'scenes.2.key': 's3',
      'scenes.2.assetId': '7',
      route: '',
      'route.0.scene': 's1',
      'route.1.scene': 's2',
      'route.2.scene': 's3'
    };
    const route = (extra: Record<string, string>) =>
      readTourForm(form({ ...fields, ...extra }), base, []).route;
    expect(route({})).toEqual(['s1', 's2', 's3']);
    expect(route({ routeMove: '1:up' })).toEqual(['s2', 's1', 's3']);
    expect(route({ routeMove: '1:down' })).toEqual(['s1', 's3', 's2']);
    expect(route({ routeMove: '0:up' })).toEqual(['s1', 's2', 's3']);
    expect(route({ routeMove: '0:remove' })).toEqual(['s2', 's3']);
    expect(route({ 'scenes.1.remove': 'on' })).toEqual(['s1', 's3']);
    expect(
      readTourForm(
        form({ ...fields, 'route.1.scene': '', 'route.2.scene': '', routeAdd: 's3' }),
        base,
        []
      ).route
    ).toEqual(['s1', 's3']);
  });

  it('reads clips and links, recognising the site from the address, and skips a blank row', () => {
    const tour = readTourForm(
      form({
        videos: '',
        'videos.0.kind': 'link',
        'videos.0.position': '2',
        'videos.0.title.ru': 'Фильм о музее',
        'videos.0.title.en': 'A film about the museum',
        'videos.0.url': 'https://rutube.ru/video/0123456789abcdef/',
        'videos.1.kind': 'clip',
        'videos.1.position': '1',
        'videos.1.title.ru': 'Молот',
        'videos.1.title.en': 'The hammer',
        'videos.1.assetId': '21',
        'videos.1.captionsAssetId': '22',
        'videos.2.kind': 'clip',
        'videos.2.title.ru': '',
        'videos.2.title.en': '',
        'videos.2.assetId': ''
      }),
      { ...base, videos: [{ kind: 'clip', title: { ru: 'Старое', en: 'Old' }, assetId: 3 }] },
      []
    );
    expect(tour.videos).toEqual([
      {
        kind: 'clip',
        title: { ru: 'Молот', en: 'The hammer' },
        assetId: 21,
        captionsAssetId: 22
      },
      {
        kind: 'link',
        title: { ru: 'Фильм о музее', en: 'A film about the museum' },
        provider: 'rutube',
        url: 'https://rutube.ru/video/0123456789abcdef/'
      }
    ]);
  });

  it('adds a fresh upload’s panorama from its own button even when the select is left empty', () => {
    const data = form({ 'scenes.0.key': 's1', 'scenes.0.assetId': '5', addScene: '' });
    data.append('addScene', '8');
    const tour = readTourForm(data, base, [
      { id: 8, fileName: 'boiler.jpg', alt: { ru: '', en: '' } }
    ]);
    expect(tour.scenes!.map((s) => s.assetId)).toEqual([5, 8]);
  });
});
