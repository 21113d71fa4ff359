// The loopback server of the benchmarks, run in its own process by lib.mjs `startServer()`: node:http with
// keep-alive on 127.0.0.1 (a free port). Like the real API it checks every signature (node:crypto SHA-1 of
// secret + Nonce + CurTime, so SDK and baseline pay the same server cost and both are proven to sign correctly).
//   GET   /im/v2/conversation_groups/{id}?account_id=…  → the group envelope (int64 group_id as a JSON number)
//   PATCH /im/v2/conversation_groups/{id}               → a mutation envelope; every id of the body in success_list
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';

const appKey = process.env.BENCH_APP_KEY;
const appSecret = process.env.BENCH_APP_SECRET;
const { groupEnvelopeText, groupId } = await import('./lib.mjs');
const groupData = groupEnvelopeText.slice(groupEnvelopeText.indexOf('"data":') + 7, -1);

let requests = 0;
let badSignatures = 0;

function signed(headers) {
  const expected = createHash('sha1')
    .update(`${appSecret}${headers.nonce ?? ''}${headers.curtime ?? ''}`)
    .digest('hex');
  return headers.appkey === appKey && headers.checksum === expected && (headers.nonce?.length ?? 0) >= 16;
}

const send = (res, status, text) => {
  res.writeHead(status, {
    'content-type': 'application/json;charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
};

const server = createServer((req, res) => {
  requests += 1;
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    if (!signed(req.headers)) {
      badSignatures += 1;
      return send(res, 200, '{"code":414,"msg":"checksum mismatch","data":{}}');
    }
    const path = req.url.split('?', 1)[0];
    if (path !== `/im/v2/conversation_groups/${groupId}`) return send(res, 404, '{"code":404,"msg":"not found"}');
    if (req.method === 'GET') return send(res, 200, groupEnvelopeText);
    if (req.method === 'PATCH') {
      const ids = JSON.parse(Buffer.concat(chunks).toString('utf8')).conversations?.conversation_ids ?? [];
      return send(
        res,
        200,
        `{"code":200,"msg":"success","data":{"conversation_group":${groupData},"success_list":${JSON.stringify(ids)},"failed_list":[]}}`,
      );
    }
    return send(res, 405, '{"code":405,"msg":"method not allowed"}');
  });
});
server.keepAliveTimeout = 60_000;
server.headersTimeout = 65_000;

server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));

process.on('message', (message) => {
  if (message === 'stats') process.send({ requests, badSignatures });
});
const stop = () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('disconnect', stop); // the bench process went away: never outlive it
setTimeout(stop, Number(process.env.BENCH_MAX_LIFETIME_MS ?? 900_000)).unref();
