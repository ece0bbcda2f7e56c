// Re-exports of the generated client's types, so services import one stable path.
import { Prisma } from '../../generated/prisma/client.js';

export type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
/** What a service needs to read and write: the client itself or an interactive transaction. */
export type Db = Prisma.TransactionClient;

/** SQL NULL for an optional JSON column (Prisma distinguishes it from the JSON value null). */
export const DbNull = Prisma.DbNull;
