import type { NewsInput, NewsRecord } from '$lib/shared/news';
import { FormFields } from '../forms/fields';

/** What the editor's form asked for: a save as draft, for review, publishing now, or a schedule. */
export type NewsIntent = 'draft' | 'review' | 'publish' | 'schedule';
const intents: NewsIntent[] = ['draft', 'review', 'publish', 'schedule'];

/**
 * Reads the news editor's plain HTML form. The gallery is numbered rows (`gallery.2.assetId`,
 * `gallery.2.caption.ru`, `gallery.2.position`) with one empty row to add a picture; a row
 * without a picture is no row. Tags are typed one a line as "семинар | seminar"; museums the news
 * is about are checkboxes; "publish at" is the owner's wall clock. Events and projects chosen
 * earlier are kept as they are unless the form names them.
 */
export function readNewsForm(
  form: FormData,
  base: NewsRecord
): { input: NewsInput; intent: NewsIntent; publishAt: string } {
  const f = new FormFields(form);
  const pair = (name: string) => f.pair(name) ?? { ru: '', en: '' };
  const ids = (name: string) =>
    form
      .getAll(name)
      .map((v) => Number(v))
      .filter((n) => Number.isInteger(n) && n > 0);
  const gallery = f.rows('gallery', (row) => {
    const assetId = Number(f.text(`${row}.assetId`)) || 0;
    return assetId ? { assetId, caption: f.pair(`${row}.caption`) } : null;
  });
  const intent = intents.find((i) => i === form.get('intent')) ?? 'draft';
  return {
    input: {
      ...base,
      title: pair('title'),
      lead: pair('lead'),
      body: pair('body'),
      coverAssetId: Number(f.text('coverAssetId')) || null,
      gallery,
      tags: f.pairLines('tags'),
      museumIds: ids('museumIds'),
      eventIds: f.has('eventIds.sent') ? ids('eventIds') : base.eventIds,
      projectIds: f.has('projectIds.sent') ? ids('projectIds') : base.projectIds
    },
    intent,
    publishAt: f.text('publishAt')
  };
}
