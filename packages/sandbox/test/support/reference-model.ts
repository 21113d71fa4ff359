// A deliberately plain model of the conversation-groups API, written from the spec's rules (not from the sandbox's
// code), for the model-based tests to compare the sandbox with.
export interface ModelLimits {
  readonly groupsPerAccount: number;
  readonly conversationsPerGroup: number;
  readonly groupsPerConversation: number;
}

export interface ModelGroup {
  readonly id: string;
  readonly account: string;
  name: string;
  serverExtension: string;
  conversations: string[];
}

export interface Outcome {
  readonly code: number;
  readonly success: string[];
  readonly failed: { conversation_id: string; error_code: number }[];
}

export class ReferenceModel {
  readonly groups = new Map<string, ModelGroup>();
  nextId: bigint;

  constructor(
    readonly limits: ModelLimits,
    firstId: bigint,
  ) {
    this.nextId = firstId;
  }

  groupsOf(account: string): ModelGroup[] {
    return [...this.groups.values()].filter((g) => g.account === account);
  }

  groupCount(account: string, conversation: string): number {
    return this.groupsOf(account).filter((g) => g.conversations.includes(conversation)).length;
  }

  private plan(account: string, group: ModelGroup | undefined, ids: readonly string[], remove: boolean): Outcome {
    const success: string[] = [];
    const failed: Outcome['failed'] = [];
    for (const id of new Set(ids)) {
      const inGroup = group?.conversations.includes(id) ?? false;
      if (id.split('|')[0] !== account) failed.push({ conversation_id: id, error_code: 110302 });
      else if (remove) (inGroup ? success : (failed.push({ conversation_id: id, error_code: 110404 }), [])).push?.(id);
      else if (inGroup || this.groupCount(account, id) < this.limits.groupsPerConversation) success.push(id);
      else failed.push({ conversation_id: id, error_code: 110304 });
    }
    return { code: 200, success, failed };
  }

  create(account: string, name: string, ids: readonly string[]): Outcome & { id?: string } {
    if (this.groupsOf(account).length >= this.limits.groupsPerAccount) return { code: 116435, success: [], failed: [] };
    const outcome = this.plan(account, undefined, ids, false);
    if (outcome.success.length > this.limits.conversationsPerGroup) return { code: 116437, success: [], failed: [] };
    const id = (this.nextId++).toString();
    this.groups.set(id, { id, account, name, serverExtension: '', conversations: [...outcome.success] });
    return { ...outcome, id };
  }

  change(account: string, id: string, type: 1 | 2, ids: readonly string[]): Outcome {
    const group = this.groups.get(id);
    if (!group || group.account !== account) return { code: 116404, success: [], failed: [] };
    const outcome = this.plan(account, group, ids, type === 2);
    if (type === 1) {
      const added = outcome.success.filter((c) => !group.conversations.includes(c));
      if (group.conversations.length + added.length > this.limits.conversationsPerGroup)
        return { code: 116437, success: [], failed: [] };
      group.conversations.push(...added);
    } else {
      group.conversations = group.conversations.filter((c) => !outcome.success.includes(c));
    }
    return outcome;
  }

  rename(account: string, id: string, name: string): number {
    const group = this.groups.get(id);
    if (!group || group.account !== account) return 116404;
    group.name = name;
    return 200;
  }

  delete(account: string, id: string): number {
    const group = this.groups.get(id);
    if (!group || group.account !== account) return 116404;
    this.groups.delete(id);
    return 200;
  }
}
