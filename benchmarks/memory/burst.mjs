// Memory of the bot process under hostile load on loopback (tools/bench-memory starts the bot and
// passes its address and process id): resident memory (VmRSS) at rest, after a burst of 1,000
// unauthenticated requests, and after 8 concurrent 27 MB unauthenticated bodies — once without an
// Authorization header and once with a well-formed but forged bearer token — plus the peak (VmHWM).
// Usage: node benchmarks/memory/burst.mjs http://127.0.0.1:PORT PID
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

const [base, pid] = process.argv.slice(2);
const target = new URL('/api/messages', base);
if (!['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname)) {
  throw new Error(`loopback only: ${target.hostname}`);
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
const activity = JSON.stringify({
  type: 'message', id: 'bench', channelId: 'msteams', serviceUrl: 'http://127.0.0.1:9/', text: 'help',
  from: { id: '29:bench', aadObjectId: '0f3b6c1e-2a4d-4e8f-9b1c-7d5e3a2f1b0c' },
  conversation: { id: 'a:bench', tenantId: '4d6f8a3c-1b2e-4c5d-9e7f-0a1b2c3d4e5f' },
});
const segment = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
const forged = `Bearer ${segment({ alg: 'RS256', kid: 'nobody' })}.${segment({ iss: 'https://api.botframework.com', aud: 'x' })}.${Buffer.alloc(256, 7).toString('base64url')}`;

function memory() {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name) => Number(status.match(new RegExp(`${name}:\\s+(\\d+) kB`))[1]);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

function post(body, headers = {}) {
  return new Promise((resolve) => {
    const request = http.request(target, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode));
    });
    request.on('error', () => resolve('reset'));
    request.end(body);
  });
}

// Streams `bytes` of JSON-looking text in 64 KB chunks; whatever answer comes first is the result.
function postLarge(bytes, headers = {}) {
  return new Promise((resolve) => {
    let settled = false;
    const done = (result) => { if (!settled) { settled = true; resolve(result); } };
    const request = http.request(target, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': bytes, ...headers } }, (response) => {
      response.resume();
      done(response.statusCode);
      request.destroy();
    });
    request.on('error', () => done('reset'));
    const chunk = Buffer.alloc(64 * 1024, 'x');
    request.write('{"type":"message","text":"');
    let sent = 26;
    const pump = () => {
      while (!settled && sent < bytes) {
        const piece = chunk.subarray(0, Math.min(chunk.length, bytes - sent));
        sent += piece.length;
        if (!request.write(piece)) { request.once('drain', pump); return; }
      }
      if (!settled) request.end();
    };
    pump();
  });
}

const count = (results) => Object.entries(results.reduce((m, r) => ({ ...m, [r]: (m[r] ?? 0) + 1 }), {})).map(([k, v]) => `${v}× ${k}`).join(', ');
const rows = [];
const measure = async (phase, results, started) => {
  await sleep(2000);
  const m = memory();
  rows.push(`| ${phase} | ${m.rss.toFixed(0)} | ${m.peak.toFixed(0)} | ${results ? count(results) : ''} | ${started ? ((performance.now() - started) / 1000).toFixed(1) : ''} |`);
};

for (let i = 0; i < 20; i++) await post(activity);
await measure('at rest (after 20 warm-up requests)');

let started = performance.now();
const burst = [];
for (let wave = 0; wave < 1000 / 50; wave++) burst.push(...await Promise.all(Array.from({ length: 50 }, () => post(activity))));
await measure('after a burst of 1,000 unauthenticated requests', burst, started);

started = performance.now();
const large = await Promise.all(Array.from({ length: 8 }, () => postLarge(27 * 1024 * 1024)));
await measure('after 8 concurrent 27 MB bodies, no Authorization header', large, started);

started = performance.now();
const forgedLarge = await Promise.all(Array.from({ length: 8 }, () => postLarge(27 * 1024 * 1024, { authorization: forged })));
await measure('after 8 concurrent 27 MB bodies, forged bearer token', forgedLarge, started);

console.log('| phase | RSS MB | peak RSS MB | answers | seconds |');
console.log('| --- | ---: | ---: | --- | ---: |');
for (const row of rows) console.log(row);
agent.destroy();
