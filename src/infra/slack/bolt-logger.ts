// Bolt's logger interface on top of ours, so its messages are structured and redacted too.
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../logger.js';

export function boltLogger(logger: Logger): BoltLogger {
  const log = logger.child({ source: 'bolt' });
  let level = LogLevel.INFO;
  const join = (msg: unknown[]) =>
    msg.map((m) => (typeof m === 'string' ? m : m instanceof Error ? m.message : JSON.stringify(m))).join(' ');
  return {
    debug: (...m) => log.debug(join(m)),
    info: (...m) => log.info(join(m)),
    warn: (...m) => log.warn(join(m)),
    error: (...m) => log.error(join(m)),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
