/**
 * The hosts of a client, primary first. A host that fails is skipped for `cooldownMs`; after that it is tried
 * again (and, being earlier in the list, preferred again once it answers).
 */
export class HostPool {
  private readonly coolingUntil = new Map<string, number>();

  constructor(
    readonly hosts: readonly string[],
    private readonly cooldownMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The first host not cooling down; when all are, the one whose cooldown ends first. */
  pick(): string {
    const now = this.now();
    let fallback = this.hosts[0]!;
    let fallbackUntil = Infinity;
    for (const host of this.hosts) {
      const until = this.coolingUntil.get(host);
      if (until === undefined || until <= now) return host;
      if (until < fallbackUntil) [fallback, fallbackUntil] = [host, until];
    }
    return fallback;
  }

  markFailure(host: string): void {
    if (this.hosts.length > 1) this.coolingUntil.set(host, this.now() + this.cooldownMs);
  }

  markSuccess(host: string): void {
    this.coolingUntil.delete(host);
  }
}
