/**
 * A conversation group as the sandbox holds it. `conversations` keeps insertion order (the order pages list them);
 * `version` changes whenever the set does, so a page snapshot of one version is shared by every walk started on it.
 * @example
 * ```ts
 * const group: GroupRecord = createGroupRecord({ id: 1n, accountId: 'alice', name: 'W', serverExtension: '', createTime: 0, updateTime: 0 });
 * ```
 */
export interface GroupRecord {
  readonly id: bigint;
  /** `id` as its exact decimal text: the key in maps and the wire form. */
  readonly idText: string;
  readonly accountId: string;
  name: string;
  serverExtension: string;
  readonly createTime: number;
  updateTime: number;
  readonly conversations: Set<string>;
  version: number;
  snapshot: { readonly version: number; readonly ids: readonly string[] } | undefined;
}

/**
 * The fields a new group starts with.
 * @example
 * ```ts
 * const fields: NewGroup = { id: 1n, accountId: 'alice', name: 'W', serverExtension: '', createTime: 0, updateTime: 0 };
 * ```
 */
export interface NewGroup {
  readonly id: bigint;
  readonly accountId: string;
  readonly name: string;
  readonly serverExtension: string;
  readonly createTime: number;
  readonly updateTime: number;
}

/**
 * A new, empty group.
 * @example
 * ```ts
 * const group = createGroupRecord({ id: 1n, accountId: 'alice', name: 'Work', serverExtension: '', createTime: now, updateTime: now });
 * ```
 */
export function createGroupRecord(fields: NewGroup): GroupRecord {
  return {
    ...fields,
    idText: fields.id.toString(),
    conversations: new Set(),
    version: 0,
    snapshot: undefined,
  };
}

/**
 * The group's conversations in order, as one immutable array per version (shared by the page walks of that version).
 * @example
 * ```ts
 * const ids = conversationsSnapshot(group); // stays as it is when the group changes later
 * ```
 */
export function conversationsSnapshot(group: GroupRecord): readonly string[] {
  if (group.snapshot?.version !== group.version) {
    group.snapshot = { version: group.version, ids: Object.freeze([...group.conversations]) };
  }
  return group.snapshot.ids;
}
