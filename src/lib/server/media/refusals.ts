import type { Inspection, Localized, MediaKind, RefusalReason } from './types';

/**
 * What staff read when an upload is refused: the file's name, what it turned out to be and what
 * to do now, in words for someone who is not technical. No MIME types, no "codec".
 */

type Refusal = Extract<Inspection, { ok: false }>;

/** What a file is, as a noun: «Файл «x» — не {изображение}» / "“x” is not {a picture}". */
const kindNoun: Record<MediaKind, Localized> = {
  image: { ru: 'изображение', en: 'a picture' },
  panorama: { ru: 'панорама', en: 'a panorama' },
  video: { ru: 'видео', en: 'a video' },
  audio: { ru: 'аудиозапись', en: 'an audio recording' },
  document: { ru: 'PDF-документ', en: 'a PDF document' }
};

/** «Загрузите его как {документ}» / "Upload it as {a document}". */
const uploadAs: Record<MediaKind, Localized> = {
  image: { ru: 'изображение', en: 'a picture' },
  panorama: { ru: 'панораму', en: 'a panorama' },
  video: { ru: 'видео', en: 'a video' },
  audio: { ru: 'аудиозапись', en: 'an audio recording' },
  document: { ru: 'документ', en: 'a document' }
};

const accepted: Localized = {
  ru: 'Библиотека принимает фотографии (JPEG, PNG, WebP, AVIF), панорамы 360°, видео (MP4, WebM), аудио (MP3, OGG, M4A), PDF-документы и субтитры WebVTT (.vtt).',
  en: 'The library accepts photos (JPEG, PNG, WebP, AVIF), 360° panoramas, video (MP4, WebM), audio (MP3, OGG, M4A), PDF documents and WebVTT captions (.vtt).'
};

interface Foreign {
  noun: Localized;
  /** How to turn it into something the library takes, when there is a usual way. */
  advice?: Localized;
}

const saveAsJpeg: Localized = {
  ru: 'Сохраните его в JPEG или PNG и загрузите снова.',
  en: 'Save it as JPEG or PNG and upload it again.'
};
const saveAsMp4: Localized = {
  ru: 'Сохраните видео в MP4 и загрузите снова.',
  en: 'Save the video as MP4 and upload it again.'
};
const saveAsMp3: Localized = {
  ru: 'Сохраните запись в MP3 и загрузите снова.',
  en: 'Save the recording as MP3 and upload it again.'
};
const saveAsPdf: Localized = {
  ru: 'Сохраните его в PDF («Файл → Сохранить как» или «Экспорт») и загрузите снова.',
  en: 'Save it as PDF (File → Save as, or Export) and upload it again.'
};

const program: Foreign = { noun: { ru: 'программа', en: 'a program' } };
const archive: Foreign = {
  noun: { ru: 'архив', en: 'an archive' },
  advice: {
    ru: 'Распакуйте его и загрузите файлы из него.',
    en: 'Unpack it and upload the files inside.'
  }
};
const textDocument: Foreign = {
  noun: { ru: 'текстовый документ', en: 'a text document' },
  advice: saveAsPdf
};

/** Types the library does not keep, by the extension file-type reports for their bytes. */
const foreign: Record<string, Foreign> = {
  heic: {
    noun: { ru: 'фотография HEIC', en: 'a HEIC photo' },
    advice: {
      ru: 'Сохраните её в JPEG (на iPhone: «Настройки → Камера → Форматы → Наиболее совместимый») и загрузите снова.',
      en: 'Save it as JPEG (on an iPhone: Settings → Camera → Formats → Most Compatible) and upload it again.'
    }
  },
  gif: { noun: { ru: 'GIF-анимация', en: 'a GIF animation' }, advice: saveAsJpeg },
  tif: { noun: { ru: 'изображение TIFF', en: 'a TIFF image' }, advice: saveAsJpeg },
  bmp: { noun: { ru: 'изображение BMP', en: 'a BMP image' }, advice: saveAsJpeg },
  psd: { noun: { ru: 'файл Photoshop', en: 'a Photoshop file' }, advice: saveAsJpeg },
  mov: { noun: { ru: 'видео QuickTime (MOV)', en: 'a QuickTime (MOV) video' }, advice: saveAsMp4 },
  avi: { noun: { ru: 'видео AVI', en: 'an AVI video' }, advice: saveAsMp4 },
  mkv: { noun: { ru: 'видео MKV', en: 'an MKV video' }, advice: saveAsMp4 },
  ogv: { noun: { ru: 'видео OGG', en: 'an OGG video' }, advice: saveAsMp4 },
  wav: { noun: { ru: 'аудиозапись WAV', en: 'a WAV recording' }, advice: saveAsMp3 },
  flac: { noun: { ru: 'аудиозапись FLAC', en: 'a FLAC recording' }, advice: saveAsMp3 },
  docx: textDocument,
  doc: textDocument,
  cfb: textDocument,
  odt: textDocument,
  rtf: textDocument,
  xlsx: { noun: { ru: 'таблица', en: 'a spreadsheet' }, advice: saveAsPdf },
  ods: { noun: { ru: 'таблица', en: 'a spreadsheet' }, advice: saveAsPdf },
  pptx: { noun: { ru: 'презентация', en: 'a presentation' }, advice: saveAsPdf },
  odp: { noun: { ru: 'презентация', en: 'a presentation' }, advice: saveAsPdf },
  exe: program,
  elf: program,
  macho: program,
  msi: program,
  apk: program,
  zip: archive,
  rar: archive,
  '7z': archive,
  gz: archive,
  tar: archive,
  xz: archive,
  bz2: archive
};

function foreignType(ext: string): Foreign {
  return (
    foreign[ext] ?? {
      noun: { ru: `файл формата ${ext.toUpperCase()}`, en: `a ${ext.toUpperCase()} file` }
    }
  );
}

function refusal(reason: RefusalReason, message: Localized): Refusal {
  return { ok: false, reason, message };
}

const ruName = (fileName: string) => `«${fileName}»`;
const enName = (fileName: string) => `“${fileName}”`;

/** The name says one kind of file and the bytes are another, which the library keeps. */
export function mismatchAccepted(fileName: string, expected: MediaKind, actual: MediaKind) {
  return refusal('mismatch', {
    ru: `Файл ${ruName(fileName)} — не ${kindNoun[expected].ru}, а ${kindNoun[actual].ru}. Загрузите его как ${uploadAs[actual].ru} или выберите другой файл.`,
    en: `${enName(fileName)} is not ${kindNoun[expected].en} but ${kindNoun[actual].en}. Upload it as ${uploadAs[actual].en} or choose another file.`
  });
}

/** The name says one kind of file and the bytes are something the library does not keep. */
export function mismatchForeign(fileName: string, expected: MediaKind, actualExt: string) {
  const actual = foreignType(actualExt);
  return refusal('mismatch', {
    ru: `Файл ${ruName(fileName)} — не ${kindNoun[expected].ru}, а ${actual.noun.ru}. Такие файлы библиотека не принимает: выберите другой файл.`,
    en: `${enName(fileName)} is not ${kindNoun[expected].en} but ${actual.noun.en}. The library does not accept such files: choose another one.`
  });
}

export function unsupported(fileName: string, actualExt: string | undefined) {
  if (actualExt === undefined) {
    return refusal('unsupported', {
      ru: `Не удалось понять, что за файл ${ruName(fileName)}. ${accepted.ru}`,
      en: `We could not tell what kind of file ${enName(fileName)} is. ${accepted.en}`
    });
  }
  const actual = foreignType(actualExt);
  return refusal('unsupported', {
    ru: `Файл ${ruName(fileName)} — ${actual.noun.ru}, такие библиотека не принимает. ${actual.advice?.ru ?? accepted.ru}`,
    en: `${enName(fileName)} is ${actual.noun.en}, which the library does not accept. ${actual.advice?.en ?? accepted.en}`
  });
}

/** A .vtt file whose text does not begin as WebVTT must. */
export function notWebVtt(fileName: string) {
  return refusal('unreadable', {
    ru: `Файл ${ruName(fileName)} — не субтитры WebVTT: такой файл начинается строкой WEBVTT. Сохраните субтитры в формате WebVTT (.vtt) и загрузите снова.`,
    en: `${enName(fileName)} is not a WebVTT captions file: such a file begins with the line WEBVTT. Save the captions as WebVTT (.vtt) and upload them again.`
  });
}

export function unreadable(fileName: string, expected: MediaKind) {
  return refusal('unreadable', {
    ru: `Файл ${ruName(fileName)} повреждён или загружен не полностью: его не удаётся открыть как ${kindNoun[expected].ru}. Попробуйте загрузить его ещё раз или выберите другой файл.`,
    en: `${enName(fileName)} is damaged or did not arrive whole: it cannot be opened as ${kindNoun[expected].en}. Try uploading it again or choose another file.`
  });
}

export function tooManyPixels(
  fileName: string,
  size: { width: number; height: number },
  maxPixels: number
) {
  const ru = new Intl.NumberFormat('ru-RU');
  const en = new Intl.NumberFormat('en-GB');
  const megapixels = (pixels: number) => {
    const mp = pixels / 1_000_000;
    return mp >= 10 ? Math.round(mp) : Math.round(mp * 10) / 10;
  };
  const actual = megapixels(size.width * size.height);
  const limit = megapixels(maxPixels);
  return refusal('too-many-pixels', {
    ru: `Изображение ${ruName(fileName)} слишком большое: ${ru.format(size.width)} × ${ru.format(size.height)} пикселей (${ru.format(actual)} Мп), а библиотека принимает не больше ${ru.format(limit)} Мп. Уменьшите его в графическом редакторе и загрузите снова.`,
    en: `${enName(fileName)} is too large: ${en.format(size.width)} × ${en.format(size.height)} pixels (${en.format(actual)} megapixels), and the library accepts up to ${en.format(limit)} megapixels. Make it smaller in an image editor and upload it again.`
  });
}

export function notEquirectangular(fileName: string, size: { width: number; height: number }) {
  return refusal('not-equirectangular', {
    ru: `Фотография ${ruName(fileName)} — не панорама 360°: у панорамы ширина ровно вдвое больше высоты, а у этой фотографии ${size.width} × ${size.height} пикселей. Загрузите её как обычное изображение или выберите сферическую панораму (2:1).`,
    en: `${enName(fileName)} is not a 360° panorama: a panorama is exactly twice as wide as it is high, and this photo is ${size.width} × ${size.height} pixels. Upload it as an ordinary picture or choose an equirectangular (2:1) panorama.`
  });
}

/**
 * A panorama wider than 2:1 (a cylindrical one, without the zenith and the floor): the uploader
 * chooses between padding it and cancelling, so the message ends with that question.
 */
export function needsPadding(fileName: string, size: { width: number; height: number }): Refusal {
  return {
    ...refusal('needs-padding', {
      ru: `Панорама ${ruName(fileName)} — ${size.width}×${size.height} пикселей, а не 2:1. Дополните её до 2:1 (сверху и снизу добавятся пустые небо и пол) или отмените загрузку.`,
      en: `The panorama ${enName(fileName)} is ${size.width}×${size.height}, not 2:1. Pad it to 2:1 (adds empty sky and floor) or cancel.`
    }),
    size
  };
}
