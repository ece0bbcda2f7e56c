// A logger that keeps every line it is given, for tests that check what was logged and at which level.
import type { Logger } from '../../src/infra/logger.js';

export interface LoggedLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  msg: string;
  fields?: Record<string, unknown>;
}

export function recordingLogger(): { logger: Logger; lines: LoggedLine[] } {
  const lines: LoggedLine[] = [];
  const log = (level: LoggedLine['level']) => (msg: string, fields?: Record<string, unknown>) =>
    void lines.push({ level, msg, fields });
  const logger: Logger = {
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    child: () => logger,
  };
  return { logger, lines };
}
