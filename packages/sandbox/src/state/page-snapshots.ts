import { fromBase64urlLatin1, hmacSha1, sameText, toBase64url } from '../rules/digest.js';
import type { GroupRecord } from './group.js';

/**
 * A walk through a group's conversations: the list as it was on the first page, and whose walk it is.
 * @example
 * ```ts
 * const walk: PageSnapshot = { accountId: 'alice', groupIdText: '1', ids: ['alice|1|bob'] };
 * ```
 */
export interface PageSnapshot {
  readonly accountId: string;
  readonly groupIdText: string;
  readonly ids: readonly string[];
}

/**
 * Where a page token points: a snapshot and the offset of the next page in it.
 * @example
 * ```ts
 * const position: PagePosition | undefined = pages.read(token);
 * ```
 */
export interface PagePosition {
  readonly snapshot: PageSnapshot;
  readonly offset: number;
}

/**
 * The page snapshots of one app. A walk keeps the group's list as it was on its first page, so later pages neither
 * skip nor repeat a conversation when the group changes in between. The store keeps the most recent walks only
 * (`capacity`, oldest dropped first); a dropped walk's token is refused like an unknown one.
 * @example
 * ```ts
 * const pages: PageSnapshots = createPageSnapshots(1000, () => random.word());
 * ```
 */
export interface PageSnapshots {
  /**
   * Starts a walk on `ids` and returns the token of the page at `offset`. The walk belongs to a group, or with
   * `idText` '' to the account's own conversation list.
   */
  open(group: Pick<GroupRecord, 'accountId' | 'idText'>, ids: readonly string[], offset: number): string;
  /** The token of the page at `offset` of the walk `position` belongs to. */
  next(position: PagePosition, offset: number): string;
  /**
   * Where a token points, or `undefined` for a token this store did not make (its MAC does not match), has dropped,
   * or whose offset is not inside its walk.
   */
  read(token: string): PagePosition | undefined;
  clear(): void;
}

const encoder = new TextEncoder();
const tokenShape = /^([0-9a-z]{1,16})\.([0-9]{1,9})\.([0-9A-Za-z_-]{16})$/;
const macLength = 16;

/**
 * Creates an empty store. A token is `<walk>.<offset>.<MAC>` in base64url: `randomWord()` names walks (seeded),
 * and the MAC — HMAC-SHA-1 under a secret of this store alone, cut to 16 characters — makes a token that was
 * edited (another offset, another walk) or made by another sandbox, or before a reset, an unknown token.
 * @example
 * ```ts
 * const pages = createPageSnapshots(1000, () => random.word());
 * const token = pages.open(group, conversationsSnapshot(group), 20);
 * ```
 */
export function createPageSnapshots(capacity: number, randomWord: () => string): PageSnapshots {
  const walks = new Map<string, PageSnapshot>();
  const byWalk = new Map<PageSnapshot, string>();

  // Not from the seeded stream: nobody who knows the seed can make a token. Drawn on first use, not at creation
  // (workerd refuses random numbers in a Worker's global scope).
  let secret: Uint8Array | undefined;
  const macOf = (payload: string) =>
    toBase64url(hmacSha1((secret ??= crypto.getRandomValues(new Uint8Array(32))), payload)).slice(0, macLength);
  const tokenOf = (walkId: string, offset: number) => {
    const payload = `${walkId}.${offset}`;
    return toBase64url(encoder.encode(`${payload}.${macOf(payload)}`));
  };

  return {
    open(group, ids, offset) {
      const walkId = randomWord();
      const snapshot: PageSnapshot = { accountId: group.accountId, groupIdText: group.idText, ids };
      walks.set(walkId, snapshot);
      byWalk.set(snapshot, walkId);
      if (walks.size > capacity) {
        const [oldestId, oldest] = walks.entries().next().value as [string, PageSnapshot];
        walks.delete(oldestId);
        byWalk.delete(oldest);
      }
      return tokenOf(walkId, offset);
    },
    next(position, offset) {
      const walkId = byWalk.get(position.snapshot);
      if (walkId === undefined) throw new Error('the walk was dropped');
      // A walk in use moves to the back of the queue.
      walks.delete(walkId);
      walks.set(walkId, position.snapshot);
      return tokenOf(walkId, offset);
    },
    read(token) {
      if (token.length > 64) return undefined;
      const match = tokenShape.exec(fromBase64urlLatin1(token) ?? '');
      if (!match) return undefined;
      if (!sameText(macOf(`${match[1]}.${match[2]}`), match[3]!)) return undefined;
      const snapshot = walks.get(match[1]!);
      const offset = Number(match[2]);
      // Tokens are only made for a next page that exists; anything else is not one of ours.
      return snapshot && offset > 0 && offset < snapshot.ids.length ? { snapshot, offset } : undefined;
    },
    clear() {
      walks.clear();
      byWalk.clear();
    },
  };
}
