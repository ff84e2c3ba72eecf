/**
 * A fixed number of slots for costly work in one process (image decoding, letter packets).
 * `run` waits its turn; `tryTake` answers at once, with a release function or null when full.
 */
export interface Slots {
  run<T>(work: () => Promise<T>): Promise<T>;
  tryTake(): (() => void) | null;
  readonly busy: number;
  readonly waiting: number;
}

export function createSlots(size: () => number): Slots {
  let busy = 0;
  const queue: Array<() => void> = [];
  const release = () => {
    const next = queue.shift();
    if (next) next();
    else busy -= 1;
  };
  const once = () => {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      release();
    };
  };
  return {
    async run(work) {
      if (busy < size()) busy += 1;
      else await new Promise<void>((resolve) => queue.push(resolve));
      const free = once();
      try {
        return await work();
      } finally {
        free();
      }
    },
    tryTake() {
      if (busy >= size()) return null;
      busy += 1;
      return once();
    },
    get busy() {
      return busy;
    },
    get waiting() {
      return queue.length;
    },
  };
}
