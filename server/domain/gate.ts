/**
 * A bounded queue for costly work (password hashing, reading an upload): at
 * most `concurrency` run at once, at most `queue` wait, and beyond that the
 * caller is refused at once with 429 — so a flood waits in a short line of
 * its own instead of filling libuv's thread pool or the heap, and other
 * users' requests keep their pace.
 */
import { ApiError } from './errors';

export class Gate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly queue: number,
    private readonly busyMessage: string,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queue) throw new ApiError('rate_limited', this.busyMessage);
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await work();
    } finally {
      // The slot passes straight to the next in line, or is given back.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
