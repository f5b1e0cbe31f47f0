/**
 * npm run bench:throughput — the museum page from `node server.js` against the same bytes served as
 * a static file by nginx, both loaded by the same `wrk -t2 -c64 -d15s --latency` (after a 3 s
 * warm-up each) with the same Accept-Encoding header.
 *
 * Targets: node/nginx requests-per-second ratio ≥ 0.5; node p99 latency ≤ 50 ms at 64
 * connections. Prints MISSED beside a missed target and still exits 0. nginx and node are
 * stopped afterwards, also on Ctrl-C and on errors.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  ensureBuild,
  freePort,
  get,
  heading,
  host,
  kb,
  machine,
  main,
  museumPath,
  onCleanup,
  probe,
  sleep,
  startServer,
  stopProcess,
  table,
  tempDir,
  verdict
} from './server';

const NGINX = '/usr/sbin/nginx';
const WRK = '/usr/bin/wrk';
const ACCEPT_ENCODING = 'br, gzip';
const RATIO_TARGET = 0.5;
const P99_TARGET_MS = 50;

interface WrkResult {
  requests: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  errors: string;
}

/** wrk prints latencies as 812.00us, 1.23ms or 2.01s. */
function toMs(value: string): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(value.trim());
  if (!match) return NaN;
  const n = Number(match[1]);
  return { us: n / 1000, ms: n, s: n * 1000, m: n * 60_000 }[match[2] as 'us' | 'ms' | 's' | 'm'];
}

/** Runs wrk as a child (killed on Ctrl-C like the servers) and returns its stdout. */
function runWrk(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(WRK, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const forget = onCleanup(() => child.kill('SIGKILL'));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      forget();
      if (code === 0) resolve(stdout);
      else
        reject(new Error(`wrk ${args.join(' ')} failed (${code ?? signal}): ${stderr}${stdout}`));
    });
  });
}

async function wrk(url: string, args: string[]): Promise<WrkResult> {
  const out = await runWrk([
    ...args,
    '--latency',
    '-H',
    `Accept-Encoding: ${ACCEPT_ENCODING}`,
    url
  ]);
  const percentile = (p: string) =>
    toMs(new RegExp(`^\\s+${p}%\\s+(\\S+)`, 'm').exec(out)?.[1] ?? '');
  const errors = [
    /Socket errors: .*/.exec(out)?.[0],
    /Non-2xx or 3xx responses: \d+/.exec(out)?.[0]
  ].filter(Boolean);
  return {
    requests: Number(/(\d+) requests in/.exec(out)?.[1] ?? NaN),
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN),
    p50: percentile('50'),
    p90: percentile('90'),
    p99: percentile('99'),
    errors: errors.join('; ') || 'none'
  };
}

/** CPU time (user + system) a process has used, in ms, from /proc (Linux only). */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return NaN;
  }
}

/** The page as node sends it, saved for nginx; returns what nginx needs to send the same. */
async function savePage(url: string, dir: string) {
  const response = await get(url, { 'Accept-Encoding': ACCEPT_ENCODING });
  if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
  const file = path.join(dir, 'www', ...museumPath.split('/').filter(Boolean));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, response.body);
  return {
    file,
    body: response.body,
    headerBytes: response.headerBytes,
    contentType: String(response.headers['content-type'] ?? 'text/html'),
    contentEncoding: response.headers['content-encoding'] as string | undefined
  };
}

async function startNginx(dir: string, page: Awaited<ReturnType<typeof savePage>>) {
  const port = await freePort();
  const worker =
    process.getuid?.() === 0
      ? fs.readFileSync('/etc/group', 'utf8').includes('\nnogroup:')
        ? 'user nobody nogroup;'
        : 'user nobody;'
      : '';
  // Workers run as nobody when started as root: let them read the page.
  for (const d of [dir, path.join(dir, 'www'), path.join(dir, 'www', 'museums')]) {
    fs.chmodSync(d, 0o755);
  }
  const encoding = page.contentEncoding
    ? `add_header Content-Encoding ${page.contentEncoding};\n        add_header Vary Accept-Encoding;`
    : '';
  const conf = `# temporary, written by scripts/bench/throughput.ts
daemon off;
worker_processes auto;
${worker}
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    server_tokens off;
    keepalive_requests 1000000;
    client_body_temp_path ${dir}/client_body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;
    server {
        listen ${host}:${port};
        location = ${museumPath} {
            root ${dir}/www;
            types { }
            default_type "${page.contentType}";
            ${encoding}
        }
    }
}
`;
  fs.writeFileSync(path.join(dir, 'nginx.conf'), conf);
  // Its own process group, so that master and workers can be killed together by its id.
  const child = spawn(NGINX, ['-p', dir, '-e', `${dir}/error.log`, '-c', `${dir}/nginx.conf`], {
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const killGroup = () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  const forget = onCleanup(killGroup);
  const url = `http://${host}:${port}${museumPath}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
    if ((await probe(url)) === 200) break;
    if (i > 200) throw new Error(`nginx did not answer on ${url}: ${stderr}`);
    await sleep(25);
  }
  return {
    url,
    stop: async () => {
      // SIGTERM: nginx's fast shutdown, master and workers; SIGKILL to the group after 5 s.
      await stopProcess(child);
      killGroup();
      forget();
    }
  };
}

/**
 * A bare node:http server answering with the saved bytes from memory: the most any Node process
 * can do on this machine, to tell the framework's cost from the runtime's.
 */
async function startBareNode(file: string, page: Awaited<ReturnType<typeof savePage>>) {
  const port = await freePort();
  const headers: Record<string, string> = { 'content-type': page.contentType };
  if (page.contentEncoding) headers['content-encoding'] = page.contentEncoding;
  const code = `
    const body = require('node:fs').readFileSync(${JSON.stringify(file)});
    const headers = ${JSON.stringify(headers)};
    require('node:http')
      .createServer((req, res) => { res.writeHead(200, headers); res.end(body); })
      .listen(${port}, ${JSON.stringify(host)});`;
  const child = spawn(process.execPath, ['-e', code], { stdio: 'ignore' });
  const forget = onCleanup(() => child.kill('SIGKILL'));
  const url = `http://${host}:${port}${museumPath}`;
  for (let i = 0; (await probe(url)) !== 200; i++) {
    if (child.exitCode !== null || i > 200)
      throw new Error('the bare node:http server did not start');
    await sleep(25);
  }
  return {
    url,
    stop: async () => {
      await stopProcess(child);
      forget();
    }
  };
}

main(async () => {
  for (const tool of [NGINX, WRK]) if (!fs.existsSync(tool)) throw new Error(`${tool} is missing`);
  ensureBuild();
  console.log(`bench:throughput — ${new Date().toISOString()} — ${machine()}`);
  console.log(
    'wrk, nginx and node share the same CPUs here: figures are relative, not a capacity plan.'
  );
  const server = await startServer();
  const dir = tempDir('nginx');
  const nodeUrl = server.url + museumPath;
  const page = await savePage(nodeUrl, dir);
  const nginx = await startNginx(dir, page);

  const fromNginx = await get(nginx.url, { 'Accept-Encoding': ACCEPT_ENCODING });
  const fromNode = await get(nodeUrl, { 'Accept-Encoding': ACCEPT_ENCODING });
  console.log(
    `page ${museumPath}: ${kb(page.body.length)} body, content-type "${page.contentType}", ` +
      `content-encoding ${page.contentEncoding ?? 'none'} (Accept-Encoding: ${ACCEPT_ENCODING})`
  );
  console.log(
    `headers: node ${fromNode.headerBytes} B, nginx ${fromNginx.headerBytes} B; body from nginx ` +
      (fromNginx.body.equals(page.body) ? 'identical to the saved node page' : 'DIFFERS (check!)') +
      (fromNode.body.equals(page.body)
        ? ''
        : `; node's own body varies per request (${fromNode.body.length} vs ${page.body.length} B)`)
  );

  const load = ['-t2', '-c64', '-d15s'];
  const warm = ['-t2', '-c64', '-d3s'];

  console.log('\nnode: warm-up 3 s, then 15 s');
  await wrk(nodeUrl, warm);
  const cpuBefore = cpuMs(server.child.pid);
  const node = await wrk(nodeUrl, load);
  const nodeCpu = cpuMs(server.child.pid) - cpuBefore;

  console.log('nginx: warm-up 3 s, then 15 s');
  await wrk(nginx.url, warm);
  const ngx = await wrk(nginx.url, load);

  console.log('node, one connection: 5 s (time to serve one request without queueing)');
  const single = await wrk(nodeUrl, ['-t1', '-c1', '-d5s']);
  await nginx.stop();
  await server.stop();

  console.log('bare node:http with the same bytes from memory: warm-up 3 s, then 15 s');
  const bare = await startBareNode(page.file, page);
  await wrk(bare.url, warm);
  const ceiling = await wrk(bare.url, load);
  await bare.stop();

  const ratio = node.rps / ngx.rps;
  heading(`${museumPath}, wrk -t2 -c64 -d15s --latency -H 'Accept-Encoding: ${ACCEPT_ENCODING}'`);
  const f = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 2 : 1) : '?');
  table(
    ['server', 'requests/s', 'p50', 'p90', 'p99', 'p99 target', '', 'errors'],
    [
      [
        'node server.js',
        f(node.rps),
        `${f(node.p50)} ms`,
        `${f(node.p90)} ms`,
        `${f(node.p99)} ms`,
        `≤ ${P99_TARGET_MS} ms`,
        verdict(node.p99 <= P99_TARGET_MS),
        node.errors
      ],
      [
        'nginx (static)',
        f(ngx.rps),
        `${f(ngx.p50)} ms`,
        `${f(ngx.p90)} ms`,
        `${f(ngx.p99)} ms`,
        '',
        '',
        ngx.errors
      ],
      [
        'bare node:http*',
        f(ceiling.rps),
        `${f(ceiling.p50)} ms`,
        `${f(ceiling.p90)} ms`,
        `${f(ceiling.p99)} ms`,
        '',
        '',
        ceiling.errors
      ]
    ]
  );
  console.log('* reference only: a 5-line node:http server sending the saved bytes, no framework.');
  console.log(
    `\nratio node/nginx: ${ratio.toFixed(3)} (target ≥ ${RATIO_TARGET}) ${verdict(ratio >= RATIO_TARGET)}`
  );
  console.log(
    `node CPU per request under load: ${f(nodeCpu / node.requests)} ms ` +
      `(${f(nodeCpu / 1000)} s CPU for ${node.requests} requests; node serves on one thread)`
  );
  console.log(
    `ceiling for any single node process here: bare node:http / nginx = ` +
      `${(ceiling.rps / ngx.rps).toFixed(3)}`
  );
  console.log(
    `node with one connection: ${f(single.rps)} requests/s, p50 ${f(single.p50)} ms, ` +
      `p99 ${f(single.p99)} ms`
  );
});
