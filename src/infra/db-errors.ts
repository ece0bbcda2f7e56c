// Prisma error codes we branch on, by class and code rather than by message text.
import { Prisma } from '../generated/prisma/client.js';

export function isUniqueViolation(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';
}
