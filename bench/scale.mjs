// 7. Scale: `addConversations` with 1,000 ids (the SDK validates them and sends 10 PATCHes of 100, in order) vs
// 10 sequential hand-written signed PATCHes of the same chunks, against the loopback server process.
import {
  accountId,
  appKey,
  appSecret,
  conversationIds,
  groupId,
  handAddConversations,
  importClient,
  interleave,
  paired,
  summary,
} from './lib.mjs';

export async function run({ server, quick }) {
  const { createNimClient } = await importClient();
  const nim = createNimClient({ appKey, appSecret, baseUrl: server.url });
  const ids = conversationIds(1_000);
  const chunks = Array.from({ length: 10 }, (_, i) => ids.slice(i * 100, i * 100 + 100));
  const variants = {
    sdk: async () => {
      const result = await nim.conversationGroups.addConversations(groupId, {
        account_id: accountId,
        conversation_ids: ids,
      });
      if (result.success_list.length !== 1_000) throw new Error('SDK applied fewer than 1,000 ids');
    },
    baseline: async () => {
      let applied = 0;
      for (const chunk of chunks) applied += (await handAddConversations(server.url, chunk)).success_list.length;
      if (applied !== 1_000) throw new Error('baseline applied fewer than 1,000 ids');
    },
  };
  const timed = async (op) => {
    const started = performance.now();
    await op();
    return performance.now() - started;
  };
  for (const op of Object.values(variants)) for (let i = 0; i < 3; i += 1) await op(); // warm-up
  const rounds = quick ? 3 : 21;
  const r = await interleave(variants, rounds, timed);
  return {
    rounds,
    wallMs: { sdk: summary(r.sdk), baseline: summary(r.baseline) },
    /** SDK ÷ baseline wall time (lower is better; 1.0 = same). */
    ratio: summary(paired(r.sdk, r.baseline, (s, b) => s / b)),
  };
}
