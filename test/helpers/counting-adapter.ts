// A database adapter that notes every statement it sends and how many rows came back, for the
// tests that hold a request's statement count (the embedded database answers one statement at a
// time, so each one is what a request costs whatever the load).
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQueryable } from '@prisma/driver-adapter-utils';

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
