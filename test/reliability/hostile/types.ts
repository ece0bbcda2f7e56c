// One hostile request and what must come of it.
import type { HttpDriver, SlackSandbox } from '../../../local-stack/slack-sandbox/index.js';
import type { PrismaClient } from '../../../src/infra/db-types.js';
import type { RawSlack } from './raw-requests.js';

export interface CorpusContext {
  raw: RawSlack;
  driver: HttpDriver;
  sandbox: SlackSandbox;
  prisma: PrismaClient;
  /** Ids of the seeded program, looked up once. */
  ids: {
    dpw: number;
    water: number;
    /** A DPW metric and a WATER metric. */
    dpwMetric: number;
    waterMetric: number;
    /** An open follow-up owned by DPW's head, with a pending request for more time. */
    followUp: number;
    moreTimeUpdate: number;
    meeting: number;
  };
}

export interface Sent {
  status: number;
  body: unknown;
  responseUrl?: string;
}

export interface HostileCase {
  name: string;
  send(ctx: CorpusContext): Promise<Sent>;
  /**
   * 'rejected': refused at the door (HTTP 4xx or 5xx, nothing runs). 'ignored': acknowledged, nothing
   * visible happens. A RegExp: the person is told something matching it.
   */
  expect: 'rejected' | 'ignored' | RegExp;
  /** A defect outside the reliability code: the case is expected to fail until it is fixed. */
  knownIssue?: string;
}

/** Sentences the bot uses (src/bot/messages.ts and handlers), as patterns. */
export const TOLD = {
  notAllowed: /only chairs and admins can/,
  notLiaison: /Only .*liaisons \(and program admins\)/,
  notLiaisonAnywhere: /not listed as a liaison/,
  unknownDepartment: /I don't know a department called/,
  wentWrong: /something went wrong on our side and nothing was saved/,
  gone: /no longer exists/,
  help: /Here's what I can do/,
} as const;
