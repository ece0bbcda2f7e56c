// At most `limit` tasks at once per key (one key per source system); tasks of other keys run freely.
// A finishing task hands its slot straight to the next waiter, so a newcomer cannot slip in between.
export function limitPerKey(limit: number) {
  const running = new Map<string, number>();
  const waiting = new Map<string, (() => void)[]>();
  return async <T>(key: string, task: () => Promise<T>): Promise<T> => {
    if ((running.get(key) ?? 0) >= limit) {
      await new Promise<void>((resolve) => {
        const queue = waiting.get(key) ?? [];
        queue.push(resolve);
        waiting.set(key, queue);
      });
    } else running.set(key, (running.get(key) ?? 0) + 1);
    try {
      return await task();
    } finally {
      const next = waiting.get(key)?.shift();
      if (next) next();
      else running.set(key, (running.get(key) ?? 1) - 1);
    }
  };
}
