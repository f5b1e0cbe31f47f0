import { analyse } from 'chardet';
import iconv from 'iconv-lite';

/** The encodings an inventory file is read in: what Russian museum software writes. */
export const textEncodings = ['utf-8', 'windows-1251', 'koi8-r', 'ibm866'] as const;
export type TextEncoding = (typeof textEncodings)[number];

export function isTextEncoding(value: string): value is TextEncoding {
  return (textEncodings as readonly string[]).includes(value);
}

/** Below this many bytes of text a statistical guess is not worth trusting. */
const confidentSampleBytes = 2048;

/**
 * The encoding of a text file from its first bytes. UTF-8 (with or without BOM) wins whenever
 * the sample decodes cleanly — a UTF-8 file almost never looks like valid 1251 and vice versa.
 * Otherwise Windows-1251, the usual export of Russian inventory software, unless chardet's best
 * guess for a sample long enough to judge is KOI8-R (its confidences are low numbers even when
 * right, so only the ranking is used). DOS 866 is never guessed; staff can choose it.
 */
export function detectEncoding(sample: Uint8Array): TextEncoding {
  if (isUtf8(sample)) return 'utf-8';
  if (sample.length >= confidentSampleBytes) {
    if (analyse(sample)[0]?.name === 'KOI8-R') return 'koi8-r';
  }
  return 'windows-1251';
}

/**
 * Whether bytes are valid UTF-8; a multi-byte character cut off by the end of the sample is
 * forgiven (the sample is the start of a longer file).
 */
export function isUtf8(bytes: Uint8Array): boolean {
  let end = bytes.length;
  // Step back over a trailing incomplete sequence: at most 3 continuation bytes and a lead.
  for (let back = 1; back <= 4 && back <= bytes.length; back++) {
    const byte = bytes[bytes.length - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue;
    const needs = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    if (needs > back) end = bytes.length - back;
    break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/** A stream that turns the file's bytes into text (the BOM of a UTF-8 file dropped). */
export function decoderStream(encoding: TextEncoding) {
  return iconv.decodeStream(encoding, { stripBOM: true });
}

/** Decodes a whole buffer (short files, tests). */
export function decodeText(bytes: Uint8Array, encoding: TextEncoding): string {
  return iconv.decode(Buffer.from(bytes), encoding, { stripBOM: true });
}
