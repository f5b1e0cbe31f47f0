import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { idParam, orNotFound } from '$lib/server/http/guards';
import { mediaKinds } from '$lib/server/media/types';
import type { AssetStatus } from '$lib/server/media/repository';
import { mediaUrls, responsiveImage } from '$lib/server/media/responsive';

const pageSize = 48;
const statuses: AssetStatus[] = ['processing', 'ready', 'failed'];

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const museumId = idParam(params.id);
  const q = url.searchParams;
  const filter = {
    query: q.get('q')?.trim() ?? '',
    kind: mediaKinds.find((k) => k === q.get('kind')),
    status: statuses.find((s) => s === q.get('status')),
    missingAlt: q.get('alt') === 'missing',
    before: Number(q.get('before')) || undefined
  };
  const urlOf = mediaUrls(locals.app.config.media.publicUrl);
  const { assets, counts, next } = await orNotFound(() =>
    locals.app.media.list(locals.staff?.actor ?? null, museumId, { ...filter, limit: pageSize })
  );
  return {
    museumId,
    filter,
    counts,
    next,
    maxUploadBytes: locals.app.media.limits.maxUploadBytes,
    assets: assets.map((a) => ({
      id: a.id,
      kind: a.kind,
      status: a.status,
      error: a.error,
      fileName: a.fileName,
      bytes: a.bytes,
      width: a.width,
      height: a.height,
      alt: a.alt[locals.locale],
      needsAlt: (a.kind === 'image' || a.kind === 'panorama') && (!a.alt.ru || !a.alt.en),
      thumb: a.rendition ? responsiveImage(a.rendition, urlOf, a.focal) : null,
      url: urlOf(a.originalKey)
    }))
  };
};

export const actions: Actions = {
  /** Uploads without JavaScript: a plain multipart form; the same checks as resumable uploads. */
  upload: async ({ request, locals, params }) => {
    const museumId = idParam(params.id);
    const actor = locals.staff?.actor ?? null;
    await orNotFound(() => locals.app.media.authorize(actor, museumId));
    const form = await request.formData();
    const panorama = form.get('panorama') === 'on';
    const files = form.getAll('files').filter((f): f is File => f instanceof File && f.size > 0);
    if (files.length === 0) {
      return fail(400, { refused: [], uploaded: 0, noFiles: true });
    }
    const refused: { file: string; message: string; held?: string }[] = [];
    let uploaded = 0;
    const work = await mkdtemp(path.join(os.tmpdir(), 'kraeved-form-upload-'));
    try {
      for (const [i, file] of files.entries()) {
        const staged = path.join(work, String(i));
        await writeFile(staged, new Uint8Array(await file.arrayBuffer()));
        const result = await orNotFound(() =>
          locals.app.media.ingest(actor, museumId, {
            path: staged,
            fileName: file.name,
            panorama,
            uploadId: null
          })
        );
        if (result.ok) uploaded += 1;
        else
          refused.push({
            file: file.name,
            message: result.message[locals.locale],
            ...(result.held ? { held: result.held } : {})
          });
      }
    } finally {
      await rm(work, { recursive: true, force: true });
    }
    if (refused.length > 0) return fail(400, { refused, uploaded, noFiles: false });
    return { uploaded };
  },
  /** A panorama wider than 2:1, held after upload: padded to 2:1 it becomes an asset. */
  pad: async ({ request, locals, params }) => {
    const museumId = idParam(params.id);
    const held = String((await request.formData()).get('held') ?? '');
    const result = await orNotFound(() =>
      locals.app.media.padPanorama(locals.staff?.actor ?? null, museumId, held)
    );
    if (!result.ok) {
      const refused = [{ file: '', message: result.message[locals.locale] }];
      return fail(400, { refused, uploaded: 0, noFiles: false });
    }
    return { uploaded: 1, padded: true };
  },
  /** The same held panorama, not wanted after all. */
  discard: async ({ request, locals, params }) => {
    const museumId = idParam(params.id);
    const held = String((await request.formData()).get('held') ?? '');
    await orNotFound(() =>
      locals.app.media.discardHeld(locals.staff?.actor ?? null, museumId, held)
    );
    return { discarded: true };
  },
  retry: async ({ request, locals, params }) => {
    const museumId = idParam(params.id);
    const assetId = idParam(String((await request.formData()).get('asset')));
    await orNotFound(() => locals.app.media.retry(locals.staff?.actor ?? null, museumId, assetId));
    return { retried: assetId };
  }
};
