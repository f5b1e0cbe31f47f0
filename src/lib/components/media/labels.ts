import { m } from '$lib/paraglide/messages';

/** Licence names as visitors and staff read them. */
export function licenceLabel(licence: string): string {
  switch (licence) {
    case 'all-rights-reserved':
      return m.media_licence_all_rights_reserved();
    case 'cc-by-4.0':
      return 'CC BY 4.0';
    case 'cc-by-sa-4.0':
      return 'CC BY-SA 4.0';
    case 'cc-by-nc-4.0':
      return 'CC BY-NC 4.0';
    case 'cc0':
      return 'CC0';
    case 'public-domain':
      return m.media_licence_public_domain();
    default:
      return licence;
  }
}

/** What kind of file an asset is, in the reader's language. */
export function kindLabel(kind: 'image' | 'panorama' | 'video' | 'audio' | 'document'): string {
  switch (kind) {
    case 'image':
      return m.media_kind_image();
    case 'panorama':
      return m.media_kind_panorama();
    case 'video':
      return m.media_kind_video();
    case 'audio':
      return m.media_kind_audio();
    case 'document':
      return m.media_kind_document();
  }
}
