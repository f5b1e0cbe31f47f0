import { describe, expect, it } from 'vitest';
import type { TourInput } from '$lib/shared/tour';
import { changeLine } from './change-line';

const draft: TourInput = {
  slug: 'halls',
  title: { ru: 'Залы', en: 'Halls' },
  scenes: [
    {
      key: 's1',
      assetId: 5,
      title: { ru: 'Зал 1', en: 'Hall 1' },
      hotspots: [
        {
          key: 'h1',
          position: { yaw: 0, pitch: 0 },
          label: { ru: 'К выходу', en: 'To the exit' },
          target: { kind: 'scene', sceneKey: 's1' }
        },
        {
          key: 'h2',
          position: { yaw: 10, pitch: 0 },
          label: { ru: 'Токарный станок', en: 'Lathe' },
          target: { kind: 'text', body: { ru: 'Станок', en: 'Lathe' } }
        }
      ]
    }
  ],
  videos: [{ kind: 'link', title: { ru: 'Фильм', en: 'Film' }, provider: 'rutube', url: 'x' }]
};
const published: TourInput = {
  ...draft,
  scenes: [...draft.scenes!, { key: 's2', assetId: 6, title: { ru: 'Котельная', en: '' } }]
};

describe('changeLine', () => {
  it('names the scene and the hotspot a path points into, in the reader’s language', () => {
    expect(changeLine('scenes.0.hotspots.1.label.ru', [draft, published], 'ru')).toBe(
      'Зал 1 › точка «Токарный станок» › подпись (ru)'
    );
    expect(changeLine('scenes.0.hotspots.1.target.body.en', [draft, published], 'en')).toBe(
      'Hall 1 › point “Lathe” › text (en)'
    );
    expect(changeLine('scenes.0.startView.yaw', [draft], 'ru')).toBe(
      'Зал 1 › начальный вид › поворот'
    );
    expect(changeLine('scenes.0.narration.transcript.ru', [draft], 'en')).toBe(
      'Hall 1 › transcript (ru)'
    );
  });

  it('names a scene only the published version has, and falls back to numbers', () => {
    expect(changeLine('scenes.1.title.en', [draft, published], 'en')).toBe(
      'Котельная › title (en)'
    );
    expect(changeLine('scenes.4.plan.x', [draft, published], 'ru')).toBe(
      'Сцена 5 › место на плане › слева'
    );
    expect(changeLine('scenes.0.hotspots.7.target.kind', [draft], 'ru')).toBe(
      'Зал 1 › точка 8 › куда ведёт'
    );
  });

  it('words the tour’s own fields, its videos and its route', () => {
    expect(changeLine('title.ru', [draft], 'ru')).toBe('Название (ru)');
    expect(changeLine('floorPlanAssetId', [draft], 'en')).toBe('Floor plan');
    expect(changeLine('videos.0.url', [draft], 'ru')).toBe('Видео «Фильм» › ссылка');
    expect(changeLine('videos.0.assetId', [draft], 'en')).toBe('Video “Film” › file');
    expect(changeLine('route.2', [draft], 'en')).toBe('Route, stop 3');
  });

  it('leaves a path it does not know as it is', () => {
    expect(changeLine('scenes.0.somethingNew.deep', [draft], 'en')).toBe(
      'Hall 1 › somethingNew.deep'
    );
  });
});
