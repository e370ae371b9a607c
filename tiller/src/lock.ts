/**
 * One lock per release name: operations on the same release run one after the other (v2 had no lock and
 * relied on the PENDING check and AlreadyExists, which lost updates under concurrency).
 */
export class NameLocks {
  private readonly tails = new Map<string, Promise<void>>();

  /** Runs `fn` once every earlier operation on `name` has finished. */
  async run<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(name) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((r) => { release = r; });
    const tail = previous.then(() => mine);
    this.tails.set(name, tail);
    await previous;
    try {
      return await fn();
    } finally {
      release();
      if (this.tails.get(name) === tail) this.tails.delete(name);
    }
  }

  /** Operations running or queued, for graceful shutdown. */
  get busy(): number {
    return this.tails.size;
  }

  /** Resolves when nothing is running or queued. */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()]);
  }
}
