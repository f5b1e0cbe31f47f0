import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { idParam, orNotFound } from '$lib/server/http/guards';
import { licences } from '$lib/server/media/library';
import { mediaUrls, responsiveImage } from '$lib/server/media/responsive';
import { FormFields } from '$lib/server/forms/fields';
import { localizeHref } from '$lib/i18n';

export const load: PageServerLoad = async ({ locals, params }) => {
  const museumId = idParam(params.id);
  const assetId = idParam(params.assetId);
  const { asset, usages } = await orNotFound(() =>
    locals.app.media.get(locals.staff?.actor ?? null, museumId, assetId)
  );
  const urlOf = mediaUrls(locals.app.config.media.publicUrl);
  return {
    museumId,
    licences,
    asset: {
      id: asset.id,
      kind: asset.kind,
      status: asset.status,
      error: asset.error,
      fileName: asset.fileName,
      mime: asset.mime,
      bytes: asset.bytes,
      width: asset.width,
      height: asset.height,
      alt: asset.alt,
      caption: asset.caption,
      credit: asset.credit,
      licence: asset.licence,
      focal: asset.focal,
      image: asset.rendition ? responsiveImage(asset.rendition, urlOf) : null,
      url: urlOf(asset.originalKey),
      tiles: asset.tiles ? asset.tiles.levels.length : 0,
      zoom: asset.deepZoom
        ? {
            infoUrl: `/iiif/3/${asset.id}/info.json`,
            levels: asset.deepZoom.scaleFactors.length,
            files: asset.deepZoom.files
          }
        : null
    },
    usages: usages.map((u) => ({ state: u.state, title: u.title[locals.locale], href: u.href }))
  };
};

export const actions: Actions = {
  describe: async ({ request, locals, params }) => {
    const museumId = idParam(params.id);
    const assetId = idParam(params.assetId);
    const fields = new FormFields(await request.formData());
    const focalX = fields.text('focal.x');
    const focalY = fields.text('focal.y');
    const result = await orNotFound(() =>
      locals.app.media.describe(locals.staff?.actor ?? null, museumId, assetId, {
        alt: { ru: fields.text('alt.ru'), en: fields.text('alt.en') },
        caption: { ru: fields.text('caption.ru'), en: fields.text('caption.en') },
        credit: fields.text('credit'),
        licence: licences.find((l) => l === fields.text('licence')) ?? '',
        focal: focalX && focalY ? { x: Number(focalX) / 100, y: Number(focalY) / 100 } : null
      })
    );
    if (!result.ok) {
      const errors = Object.fromEntries(
        result.errors.map((e) => [e.field, e.message[locals.locale]])
      );
      return fail(400, { errors, submitted: fields.submitted() });
    }
    return { saved: true };
  },
  delete: async ({ locals, params }) => {
    const museumId = idParam(params.id);
    const assetId = idParam(params.assetId);
    const result = await orNotFound(() =>
      locals.app.media.delete(locals.staff?.actor ?? null, museumId, assetId)
    );
    if (!result.ok) return fail(409, { inUse: true });
    redirect(303, localizeHref(`/admin/museums/${museumId}/media`));
  }
};
