import { m } from '$lib/paraglide/messages';

/** A file size as people say it: 640 КБ, 3.2 МБ, 1 ГБ. */
export function sizeText(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  if (mb >= 1024) return m.media_size_gb({ size: trim(mb / 1024) });
  if (mb >= 1) return m.media_size_mb({ size: trim(mb) });
  return m.media_size_kb({ size: Math.max(1, Math.round(bytes / 1024)) });
}

function trim(value: number): string {
  return value >= 10 || Number.isInteger(value) ? String(Math.round(value)) : value.toFixed(1);
}
