// A test file's database for counting statements: a bench-shaped program with its history on a
// fresh test database, and a client on it whose statements are noted (counting-adapter.ts).
import { afterAll, beforeAll } from 'vitest';
import { loadHistory } from '../../bench/lib/history.js';
import { type GeneratedProgram, type ProgramShape, writeProgramFile } from '../../bench/lib/program.js';
import { type LocalStack, startLocalStack } from '../../local-stack/local-stack.js';
import { createTestDatabase, type TestDatabase } from '../../local-stack/test-db.js';
import { PrismaClient } from '../../src/infra/db/client.js';
import { countingAdapter, type SentStatement } from './counting-adapter.js';

export interface CountedStack {
  db: TestDatabase;
  program: GeneratedProgram;
  /** A client on the same database whose statements land in `sent`. */
  counted: PrismaClient;
  sent: SentStatement[];
}

/**
 * A bench-shaped program with its history on a fresh test database, for a test file: set up
 * before its tests, closed after them. `stack()` gives it to a test.
 */
export function useCountedStack(
  shape: ProgramShape,
  history: { lastPeriod: string; months: number },
  now: Date,
): () => CountedStack {
  let stack: CountedStack | undefined;
  let local: LocalStack | undefined;
  beforeAll(async () => {
    const program = await writeProgramFile(shape);
    const db = await createTestDatabase();
    local = await startLocalStack({ db, now, programFile: program.file });
    await loadHistory(db.prisma, { ...history, submittedAt: now });
    const sent: SentStatement[] = [];
    stack = { db, program, sent, counted: new PrismaClient({ adapter: countingAdapter(db.adapterFactory, sent) }) };
  });
  afterAll(async () => {
    await stack?.counted.$disconnect();
    await local?.close();
    await stack?.db.close();
    await stack?.program.remove();
  });
  return () => {
    if (!stack) throw new Error('useCountedStack: used outside a test');
    return stack;
  };
}
