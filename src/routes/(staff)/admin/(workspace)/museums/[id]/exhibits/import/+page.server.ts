import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { idParam, orNotFound } from '$lib/server/http/guards';
import { localizeHref } from '$lib/i18n';

export const load: PageServerLoad = async ({ locals, params }) => {
  const museumId = idParam(params.id);
  const imports = await orNotFound(() =>
    locals.app.importer.list(locals.staff?.actor ?? null, museumId)
  );
  return {
    museumId,
    imports: imports.map((i) => ({
      id: i.id,
      fileName: i.fileName,
      status: i.status,
      createdAt: i.createdAt,
      counts: i.counts
    }))
  };
};

export const actions: Actions = {
  /** The inventory (and a ZIP of its images) as a plain multipart form: works without JavaScript. */
  upload: async ({ request, locals, params }) => {
    const museumId = idParam(params.id);
    const actor = locals.staff?.actor ?? null;
    const form = await request.formData();
    const table = form.get('table');
    const images = form.get('images');
    if (!(table instanceof File) || table.size === 0) return fail(400, { missingFile: true });
    const work = await mkdtemp(path.join(os.tmpdir(), 'kraeved-import-upload-'));
    try {
      const tablePath = path.join(work, 'table');
      await writeFile(tablePath, new Uint8Array(await table.arrayBuffer()));
      let zip: { path: string; fileName: string } | null = null;
      if (images instanceof File && images.size > 0) {
        zip = { path: path.join(work, 'images.zip'), fileName: images.name };
        await writeFile(zip.path, new Uint8Array(await images.arrayBuffer()));
      }
      const result = await orNotFound(() =>
        locals.app.importer.stage(actor, museumId, { path: tablePath, fileName: table.name }, zip)
      );
      if (!result.ok) return fail(400, { refused: result.message[locals.locale] });
      redirect(303, localizeHref(`/admin/museums/${museumId}/exhibits/import/${result.id}`));
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }
};
