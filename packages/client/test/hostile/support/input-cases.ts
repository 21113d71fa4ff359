// One generated call of a `nim.conversationGroups` method: its arguments (made afresh per call), the verdict of
// the rules, and the requests a correct client sends for it (the plain copy of the validated fields).
import { constraints } from '@nim-api/types';
import fc from 'fast-check';
import {
  type ContainerKind,
  comparable,
  container,
  containerKind,
  containerVerdict,
  type Gen,
  hostileValue,
  megabyte,
} from './hostile-values.js';
import {
  absent,
  absentGen,
  accountIdGen,
  groupIdGen,
  groupIdListGen,
  type IdListTemplate,
  idListTemplate,
  limitGen,
  nameGen,
  optionalTextGen,
} from './input-fields.js';
import type { ExpectedRequest } from './outcome.js';
import { described } from './property.js';
import { lightRequestOptions, noOptions, type OptionsCase } from './request-options.js';
import type { MethodName } from './result-schemas.js';
import { groupIdWire, listValidity, rules, toWellFormed, type Validity, worst } from './validity.js';
import { groupsPath } from './wire.js';

type Values = Record<string, unknown>;
type FieldGen = Gen | IdListTemplate;

interface MethodModel {
  readonly groupId: boolean;
  readonly fields: Record<string, fc.Arbitrary<FieldGen>>;
  verdict(values: Values): Validity;
  /** Request slots (alternatives each) for valid values and the group id as sent. */
  slots(values: Values, groupId: string): ExpectedRequest[][];
}

const perCall = constraints.maxConversationIdsPerCall;
const idsVerdict = (values: Values, min: number, max?: number) =>
  listValidity(values.conversation_ids, (id) => rules.conversationId(id, values.account_id), min, max);
const copy = (list: unknown) => [...(list as unknown[])];
const one = (request: ExpectedRequest): ExpectedRequest[][] => [[request]];
const groupPath = (groupId: string) => `${groupsPath}/${groupId}`;
const optionalIds = idListTemplate.map((list) => list as FieldGen);
const maybe = (arbitrary: fc.Arbitrary<FieldGen>) => fc.oneof(fc.constant(absentGen as FieldGen), arbitrary);

function changeModel(type: 1 | 2): MethodModel {
  return {
    groupId: true,
    fields: { account_id: accountIdGen, conversation_ids: optionalIds },
    verdict: (v) => worst(rules.accountId(v.account_id), idsVerdict(v, 1)),
    slots: (v, groupId) => {
      const ids = copy(v.conversation_ids);
      const chunks = Array.from({ length: Math.ceil(ids.length / perCall) }, (_, i) =>
        ids.slice(i * perCall, (i + 1) * perCall),
      );
      return chunks.map((chunk) => [
        {
          method: 'PATCH',
          path: groupPath(groupId),
          body: { account_id: v.account_id, conversations: { type, conversation_ids: chunk } },
        },
      ]);
    },
  };
}

function accountModel(method: 'GET' | 'DELETE', path: (groupId: string) => string, groupId = true): MethodModel {
  return {
    groupId,
    fields: { account_id: accountIdGen },
    verdict: (v) => rules.accountId(v.account_id),
    slots: (v, id) => one({ method, path: path(id), query: { account_id: v.account_id as string } }),
  };
}

const pageQuery = (v: Values, pageToken?: string) => ({
  account_id: v.account_id as string,
  limit: v.limit === undefined ? undefined : String(v.limit),
  page_token: pageToken,
});

const defined = (object: Values) =>
  Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));

export const models: Record<MethodName, MethodModel> = {
  create: {
    groupId: false,
    fields: {
      account_id: accountIdGen,
      name: nameGen,
      server_extension: optionalTextGen,
      conversation_ids: maybe(optionalIds),
    },
    verdict: (v) =>
      worst(
        rules.accountId(v.account_id),
        rules.name(v.name),
        rules.serverExtension(v.server_extension),
        v.conversation_ids === undefined ? 'valid' : idsVerdict(v, 0, perCall),
      ),
    slots: (v) => {
      const body = defined({ account_id: v.account_id, name: v.name, server_extension: v.server_extension });
      if (v.conversation_ids === undefined) return one({ method: 'POST', path: groupsPath, body });
      const ids = copy(v.conversation_ids);
      // An empty list may be sent as it is or left out.
      return [
        [
          { method: 'POST', path: groupsPath, body: { ...body, conversation_ids: ids } },
          ...(ids.length ? [] : [{ method: 'POST', path: groupsPath, body }]),
        ],
      ];
    },
  },
  update: {
    groupId: true,
    fields: { account_id: accountIdGen, name: maybe(nameGen), server_extension: optionalTextGen },
    verdict: (v) =>
      worst(
        rules.accountId(v.account_id),
        v.name === undefined ? 'valid' : rules.name(v.name),
        rules.serverExtension(v.server_extension),
        v.name === undefined && v.server_extension === undefined ? 'invalid' : 'valid',
      ),
    slots: (v, id) =>
      one({
        method: 'PATCH',
        path: groupPath(id),
        body: defined({ account_id: v.account_id, name: v.name, server_extension: v.server_extension }),
      }),
  },
  addConversations: changeModel(1),
  removeConversations: changeModel(2),
  delete: accountModel('DELETE', groupPath),
  get: accountModel('GET', groupPath),
  list: accountModel('GET', () => groupsPath, false),
  batchGet: {
    groupId: false,
    fields: { account_id: accountIdGen, group_ids: groupIdListGen },
    verdict: (v) => worst(rules.accountId(v.account_id), listValidity(v.group_ids, rules.groupId, 1)),
    slots: (v) =>
      one({
        method: 'GET',
        path: `${groupsPath}/actions/group_ids`,
        query: { account_id: v.account_id as string, group_ids: copy(v.group_ids).map(groupIdWire).join(',') },
      }),
  },
  listConversations: {
    groupId: true,
    fields: { account_id: accountIdGen, limit: limitGen, page_token: optionalTextGen },
    verdict: (v) => worst(rules.accountId(v.account_id), rules.limit(v.limit), rules.pageToken(v.page_token)),
    slots: (v, id) => {
      const token = v.page_token as string | undefined;
      const path = `${groupPath(id)}/conversations`;
      // An empty token may be left out; a lone surrogate can only travel as U+FFFD.
      const tokens = token === undefined ? [undefined] : token === '' ? ['', undefined] : [token, toWellFormed(token)];
      return [tokens.map((pageToken) => ({ method: 'GET', path, query: pageQuery(v, pageToken) }))];
    },
  },
  iterateConversations: {
    groupId: true,
    fields: { account_id: accountIdGen, limit: limitGen },
    verdict: (v) => worst(rules.accountId(v.account_id), rules.limit(v.limit)),
    slots: (v, id) =>
      [1, 2].map((page) => [
        {
          method: 'GET',
          path: `${groupPath(id)}/conversations`,
          query: pageQuery(v, page === 2 ? 'page-2' : undefined),
        },
      ]),
  },
};

/** A generated call: arguments afresh, the verdict, the requests a correct client sends. */
export interface InputCase {
  readonly method: MethodName;
  args(): unknown[];
  readonly verdict: Validity;
  readonly slots: ExpectedRequest[][];
  readonly options: OptionsCase;
  /** Whether the arguments before the options can be compared before and after the call. */
  readonly comparable: boolean;
}

type Holder = { kind: ContainerKind } | { kind: 'not an object'; value: Gen };
const holderGen: fc.Arbitrary<Holder> = fc.oneof(
  { weight: 12, arbitrary: containerKind.map((kind) => ({ kind })) },
  { weight: 1, arbitrary: hostileValue.map((value) => ({ kind: 'not an object' as const, value })) },
);

function makeValues(gens: Record<string, FieldGen>): Values {
  const account = (gens.account_id as Gen).make();
  const roomy = typeof account === 'string' && account.length <= 64;
  const owner = roomy ? (account as string) : 'alice';
  const values: Values = {};
  for (const [key, field] of Object.entries(gens)) {
    const value = key === 'account_id' ? account : field.make(owner, roomy);
    if (value !== absent) values[key] = value;
  }
  return values;
}

function assemble(
  method: MethodName,
  groupId: Gen | undefined,
  holder: Holder,
  gens: Record<string, FieldGen>,
  options: OptionsCase,
): InputCase {
  const model = models[method];
  const values = makeValues(gens);
  const overridden = Object.values(gens).some((field) => field.verdict === 'invalid') || groupId?.verdict === 'invalid';
  const groupIdValue = groupId?.make();
  const groupIdVerdict = groupId ? rules.groupId(groupIdValue) : 'valid';
  const holderVerdict = holder.kind === 'not an object' ? 'invalid' : containerVerdict(holder.kind);
  const verdict = overridden ? 'invalid' : worst(groupIdVerdict, holderVerdict, model.verdict(values), options.verdict);
  const input = () =>
    holder.kind === 'not an object' ? holder.value.make() : container(holder.kind, makeValues(gens));
  const fieldsDesc = Object.entries(gens)
    .map(([key, field]) => `${key}: ${field.desc}`)
    .join(', ');
  const desc = `${method}(${groupId ? `${groupId.desc}, ` : ''}${holder.kind === 'not an object' ? holder.value.desc : `${holder.kind} {${fieldsDesc}}`}, ${options.desc}) → ${verdict}`;
  const testCase: InputCase = {
    method,
    args: () => [...(groupId ? [groupId.make()] : []), input(), options.make()],
    verdict,
    slots: verdict === 'invalid' ? [] : model.slots(values, groupIdWire(groupIdValue)),
    options,
    comparable: holder.kind !== 'not an object' && comparable(holder.kind),
  };
  return described(testCase, desc);
}

/** Calls of `method` with hostile input, with light options. */
export function inputCases(
  method: MethodName,
  options: fc.Arbitrary<OptionsCase> = lightRequestOptions,
): fc.Arbitrary<InputCase> {
  const model = models[method];
  return fc
    .tuple(model.groupId ? groupIdGen : fc.constant(undefined), holderGen, fc.record(model.fields), options)
    .map(([groupId, holder, gens, opts]) => assemble(method, groupId, holder, gens, opts));
}

const fixed = (value: unknown): Gen => ({
  desc: JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)),
  make: () => structuredClone(value),
});
/** A valid input per method, for properties about the options or the responses. */
export const validFields: Record<MethodName, Values> = {
  create: { account_id: 'alice', name: 'Work', conversation_ids: ['alice|1|bob'] },
  update: { account_id: 'alice', name: 'Work' },
  addConversations: { account_id: 'alice', conversation_ids: ['alice|1|bob', 'alice|2|6001'] },
  removeConversations: { account_id: 'alice', conversation_ids: ['alice|1|bob'] },
  delete: { account_id: 'alice' },
  get: { account_id: 'alice' },
  list: { account_id: 'alice' },
  batchGet: { account_id: 'alice', group_ids: ['1001', 1002n, 1003] },
  listConversations: { account_id: 'alice', limit: 10 },
  iterateConversations: { account_id: 'alice' },
};

/** The call of `method` with its valid input and no options. */
export function validInputCase(method: MethodName): InputCase {
  const gens = Object.fromEntries(Object.entries(validFields[method]).map(([key, value]) => [key, fixed(value)]));
  return assemble(method, models[method].groupId ? fixed('1001') : undefined, { kind: 'plain' }, gens, noOptions);
}

/** Calls of `method` with its valid input and the given options. */
export function fixedInputCases(method: MethodName, options: fc.Arbitrary<OptionsCase>): fc.Arbitrary<InputCase> {
  const gens = Object.fromEntries(Object.entries(validFields[method]).map(([key, value]) => [key, fixed(value)]));
  const groupId = models[method].groupId ? fixed('1001') : undefined;
  return options.map((opts) => assemble(method, groupId, { kind: 'plain' }, gens, opts));
}

/** The issue's example: a 1 MB account id with 600 conversation ids (one issue per id quoting the account). */
export function megabyteAccountCase(method: 'create' | 'addConversations'): InputCase {
  const gens: Record<string, FieldGen> = {
    account_id: { desc: '1 MB string', make: () => megabyte },
    ...(method === 'create' && { name: fixed('Work') }),
    conversation_ids: {
      desc: '600 ids of alice',
      make: () => Array.from({ length: 600 }, (_, i) => `alice|1|peer${i}`),
    },
  };
  return assemble(method, method === 'create' ? undefined : fixed('1001'), { kind: 'plain' }, gens, noOptions);
}
