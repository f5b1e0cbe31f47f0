/**
 * Files for the media tests beside this one, made at test time: pictures from sharp, and the
 * first bytes of the other types, which is all type detection reads.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import sharp, { type Sharp } from 'sharp';
import { pngFile } from './placeholder';

export interface TempFolder {
  dir: string;
  /** Writes `bytes` as `name` in the folder and returns its path. */
  write(name: string, bytes: Uint8Array | string): string;
  remove(): void;
}

export function tempFolder(prefix = 'kraeved-media-test-'): TempFolder {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    dir,
    write(name, bytes) {
      const file = path.join(dir, name);
      writeFileSync(file, bytes);
      return file;
    },
    remove: () => rmSync(dir, { recursive: true, force: true })
  };
}

/** A noisy picture (noise does not compress, so sizes and timings are honest). */
export function noise(width: number, height: number): Sharp {
  return sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 40 }
    }
  });
}

/** One flat colour. */
export function flat(width: number, height: number, colour: string, channels: 3 | 4 = 3): Sharp {
  return sharp({ create: { width, height, channels, background: colour } });
}

/** A PNG whose header declares width × height and whose pixel data is a few bytes. */
export function pngHeaderOnly(width: number, height: number): Buffer {
  return pngFile(width, height, 'rgb', deflateSync(Buffer.alloc(64)));
}

function isoBox(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + body.length);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, body]);
}

function ftyp(brand: string): Buffer {
  return isoBox('ftyp', Buffer.from(`${brand}\0\0\0\0${brand}isom`, 'latin1'));
}

function ebml(id: number[], data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(id), Buffer.from([0x80 | data.length]), data]);
}

const mpegFrame = Buffer.concat([Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(413)]);

/** The first bytes of each kind of file, as their programs write them. */
export const bytesOf = {
  mp4: () => Buffer.concat([ftyp('isom'), isoBox('mdat', Buffer.alloc(256))]),
  m4a: () => Buffer.concat([ftyp('M4A '), isoBox('mdat', Buffer.alloc(256))]),
  heic: () => Buffer.concat([ftyp('heic'), isoBox('mdat', Buffer.alloc(256))]),
  mov: () => Buffer.concat([ftyp('qt  '), isoBox('mdat', Buffer.alloc(256))]),
  mp3: () => Buffer.concat([mpegFrame, mpegFrame]),
  ogg: () =>
    Buffer.concat([
      Buffer.from('OggS', 'latin1'),
      Buffer.alloc(22),
      Buffer.from([1, 30]),
      Buffer.from('\x01vorbis', 'latin1'),
      Buffer.alloc(64)
    ]),
  webm: () =>
    Buffer.concat([
      ebml([0x1a, 0x45, 0xdf, 0xa3], ebml([0x42, 0x82], Buffer.from('webm'))),
      Buffer.alloc(64)
    ]),
  pdf: () => Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1'),
  exe: () => Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(510)]),
  zip: () => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(60)])
};

/** The first `share` of a file, as an upload cut off part way. */
export function cut(bytes: Buffer, share = 0.5): Buffer {
  return bytes.subarray(0, Math.floor(bytes.length * share));
}

/** Whether ffmpeg runs here; CI installs it, a developer's machine may not have it. */
export function hasFfmpeg(): Promise<boolean> {
  return new Promise((resolve) => execFile('ffmpeg', ['-version'], (error) => resolve(!error)));
}

/** A test-pattern video from ffmpeg's lavfi source. */
export function testVideo(file: string, seconds: number): Promise<void> {
  const args = ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi'];
  args.push('-i', `testsrc=size=320x240:rate=25:duration=${seconds}`, '-pix_fmt', 'yuv420p', file);
  return new Promise((resolve, reject) =>
    execFile('ffmpeg', args, (error) => (error ? reject(error) : resolve()))
  );
}
