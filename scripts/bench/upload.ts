/**
 * npm run bench:upload — a 30 MB photograph uploaded over tus to the production server, the
 * connection cut when half the bytes have been written, then resumed. Counts the bytes: what the
 * client wrote before the cut, what the server kept (its Upload-Offset), what the resume sent.
 *
 * Target: the resume sends exactly the bytes the server did not have (no byte of what arrived is
 * sent again), and the finished upload becomes one asset. Prints MISSED otherwise; exits 0.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import sharp from 'sharp';
import {
  ensureBuild,
  freePort,
  heading,
  host,
  machine,
  main,
  startServer,
  table,
  tempDir,
  verdict
} from './server';

const TARGET_BYTES = 30 * 1024 * 1024;
const source = '/usr/share/backgrounds/mate/abstract/Elephants_5640x3172.jpg';

/** A real photograph, upscaled and saved at high quality until it weighs about 30 MB. */
async function thirtyMegabytePhoto(dir: string): Promise<{ file: string; note: string }> {
  if (!fs.existsSync(source)) {
    throw new Error(`${source} is missing: apt-get install mate-backgrounds`);
  }
  const file = path.join(dir, 'elephants-30mb.jpg');
  for (const width of [9000, 10000, 11000, 12000]) {
    await sharp(source)
      .resize({ width })
      .jpeg({ quality: 97, chromaSubsampling: '4:4:4' })
      .toFile(file);
    const size = fs.statSync(file).size;
    if (size >= TARGET_BYTES) {
      return {
        file,
        note: `${path.basename(source)} (a 17.9-megapixel photograph from Debian's mate-backgrounds) upscaled to ${width} px wide, JPEG q97: ${mb(size)}`
      };
    }
  }
  throw new Error('could not make a 30 MB photograph');
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

async function signIn(url: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email: 'museum-admin@kraeved.demo', password: 'demo-museum-admin' })
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/**
 * PATCHes `body` from `offset`, writing 256 KB at a time and counting what went into the socket.
 * With `cutAfter`, destroys the connection once that many bytes are written.
 */
function patch(
  location: string,
  cookie: string,
  body: Buffer,
  offset: number,
  cutAfter?: number
): Promise<{ written: number; status: number | null; asset: string | null }> {
  return new Promise((resolve, reject) => {
    const request = http.request(location, {
      method: 'PATCH',
      headers: {
        cookie,
        'tus-resumable': '1.0.0',
        'upload-offset': String(offset),
        'content-type': 'application/offset+octet-stream',
        'content-length': String(body.length)
      }
    });
    let written = 0;
    let cut = false;
    request.on('response', (response) => {
      response.resume();
      response.on('end', () =>
        resolve({
          written,
          status: response.statusCode ?? null,
          asset: (response.headers['x-kraeved-asset'] as string | undefined) ?? null
        })
      );
    });
    request.on('error', (error) => {
      if (cut) resolve({ written, status: null, asset: null });
      else reject(error);
    });
    const step = 256 * 1024;
    const pump = () => {
      while (written < body.length) {
        if (cutAfter !== undefined && written >= cutAfter) {
          cut = true;
          request.destroy();
          return;
        }
        const end = Math.min(written + step, body.length);
        const ok = request.write(body.subarray(written, end));
        written = end;
        if (!ok) {
          request.once('drain', pump);
          return;
        }
      }
      request.end();
    };
    pump();
  });
}

async function serverOffset(location: string, cookie: string): Promise<number> {
  const head = await fetch(location, {
    method: 'HEAD',
    headers: { cookie, 'tus-resumable': '1.0.0' }
  });
  return Number(head.headers.get('upload-offset'));
}

main(async () => {
  ensureBuild();
  const work = tempDir('upload');
  const { file, note } = await thirtyMegabytePhoto(work);
  const bytes = fs.readFileSync(file);
  const port = await freePort();
  // Sign-in checks the Origin against ORIGIN; the worker is off, the upload is what is measured.
  const server = await startServer({
    port,
    env: { WORKER: 'off', ORIGIN: `http://${host}:${port}` }
  });
  try {
    const cookie = await signIn(server.url);
    const dashboard = await (await fetch(`${server.url}/admin`, { headers: { cookie } })).text();
    const museumId = /\/admin\/museums\/(\d+)\/media/.exec(dashboard)?.[1];
    if (!museumId) throw new Error('no museum on the dashboard');
    const metadata = [
      ['filename', 'elephants-30mb.jpg'],
      ['museumId', museumId],
      ['panorama', '0']
    ]
      .map(([k, v]) => `${k} ${Buffer.from(v!).toString('base64')}`)
      .join(',');
    const created = await fetch(`${server.url}/admin/uploads`, {
      method: 'POST',
      headers: {
        cookie,
        'tus-resumable': '1.0.0',
        'upload-length': String(bytes.length),
        'upload-metadata': metadata
      }
    });
    if (created.status !== 201) throw new Error(`creating the upload: ${created.status}`);
    const location = new URL(created.headers.get('location')!, server.url).toString();

    const half = Math.floor(bytes.length / 2);
    const first = await patch(location, cookie, bytes, 0, half);
    // The server writes what arrived before it notices the cut; give it a moment to settle.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const kept = await serverOffset(location, cookie);
    const started = performance.now();
    const second = await patch(location, cookie, bytes.subarray(kept), kept);
    const resumeMs = performance.now() - started;

    heading('Upload of a 30 MB photograph cut at 50% and resumed (tus)');
    console.log(`input: ${note}`);
    console.log(machine());
    table(
      ['what', 'bytes', 'MB'],
      [
        ['file', String(bytes.length), mb(bytes.length)],
        ['written before the cut', String(first.written), mb(first.written)],
        ['kept by the server (Upload-Offset)', String(kept), mb(kept)],
        ['lost in flight at the cut', String(first.written - kept), mb(first.written - kept)],
        ['sent by the resume', String(second.written), mb(second.written)],
        [
          'sent in all, against the file size',
          String(first.written + second.written),
          `${((first.written + second.written) / bytes.length).toFixed(3)}×`
        ]
      ]
    );
    const exact = kept + second.written === bytes.length;
    const finished = second.status === 204 && second.asset !== null;
    console.log(
      `resume sent exactly the missing bytes (${bytes.length} − ${kept} = ${bytes.length - kept}): ${exact ? 'yes' : 'no'} — ${verdict(exact)}`
    );
    console.log(
      `finished upload became asset ${second.asset ?? '(none)'} in ${(resumeMs / 1000).toFixed(2)} s after resuming — ${verdict(finished)}`
    );
  } finally {
    await server.stop();
  }
});
