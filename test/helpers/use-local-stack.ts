// One line per test file for the usual lifecycle: a fresh database and a running local stack
// before the tests, no sandbox violations after each, everything closed after all.
import { afterAll, afterEach, beforeAll } from 'vitest';
import { type LocalStack, type LocalStackOptions, startLocalStack } from '../../local-stack/local-stack.js';
import { createTestDatabase, type TestDatabase } from '../../local-stack/test-db.js';

export function useLocalStack(
  opts: Omit<LocalStackOptions, 'db'>,
  setup?: (s: LocalStack) => Promise<void>,
): () => LocalStack {
  let db: TestDatabase | undefined;
  let stack: LocalStack | undefined;
  beforeAll(async () => {
    db = await createTestDatabase();
    stack = await startLocalStack({ ...opts, db });
    await setup?.(stack);
  });
  afterAll(async () => {
    await stack?.close();
    await db?.close();
  });
  afterEach(() => stack?.sandbox.assertNoViolations());
  return () => {
    if (!stack) throw new Error('the local stack is not running (beforeAll failed?)');
    return stack;
  };
}

/** Runs a slash command and returns what the bot replied privately (via the response_url), as JSON text. */
export async function slashReply(s: LocalStack, text: string, userId: string): Promise<string> {
  const res = await s.driver.slashCommand({ command: '/stat', text, userId });
  return s.sandbox
    .responses(res.responseUrl!)
    .map((r) => JSON.stringify(r.body))
    .join('\n');
}
