// A database adapter that notes every statement it sends and how many rows came back, for the
// tests that hold a request's statement count (the embedded database answers one statement at a
// time, so each one is what a request costs whatever the load).
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQueryable } from '@prisma/driver-adapter-utils';
import { afterAll, beforeAll } from 'vitest';
import { loadHistory } from '../../bench/lib/history.js';
import { type GeneratedProgram, type ProgramShape, writeProgramFile } from '../../bench/lib/program.js';
import { type LocalStack, startLocalStack } from '../../local-stack/local-stack.js';
import { createTestDatabase, type TestDatabase } from '../../local-stack/test-db.js';
import { PrismaClient } from '../../src/infra/db/client.js';

export interface SentStatement {
  sql: string;
  rows: number;
}

export function countingAdapter(factory: SqlDriverAdapterFactory, sent: SentStatement[]): SqlDriverAdapterFactory {
  const counted = <T extends SqlQueryable>(queryable: T): T => {
    const wrapped: T = Object.create(queryable);
    wrapped.queryRaw = async (query) => {
      const result = await queryable.queryRaw(query);
      sent.push({ sql: query.sql, rows: result.rows.length });
      return result;
    };
    wrapped.executeRaw = async (query) => {
      sent.push({ sql: query.sql, rows: 0 });
      return queryable.executeRaw(query);
    };
    return wrapped;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      const wrapped: SqlDriverAdapter = counted(adapter);
      wrapped.startTransaction = async (isolation) => {
        sent.push({ sql: 'BEGIN', rows: 0 });
        return counted(await adapter.startTransaction(isolation));
      };
      return wrapped;
    },
  };
}

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
