import { describe, expect, it } from 'vitest';
import { parseConfig, parseDatabaseConfig } from '../src/config.js';

describe('parseConfig', () => {
  it('chooses Socket Mode with an app token, HTTP mode with a signing secret', () => {
    const socket = parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });
    expect(socket.ok && socket.config.slack.mode).toBe('socket');
    const http = parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'abc', PORT: '8080' });
    expect(http.ok && http.config.slack).toMatchObject({ mode: 'http', port: 8080 });
  });
  it('lists every problem at once', () => {
    const r = parseConfig({ PORT: '-1', CHART_RENDERER: 'quickchart' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.join('\n')).toContain('SLACK_BOT_TOKEN is missing');
      expect(r.errors.join('\n')).toContain('SLACK_APP_TOKEN (xapp-…, Socket Mode) or SLACK_SIGNING_SECRET');
      expect(r.errors.join('\n')).toContain('QUICKCHART_URL');
      expect(r.errors.length).toBe(4);
    }
  });
  it('treats empty variables as unset and defaults sensibly', () => {
    const r = parseConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 's',
      DATABASE_URL: '',
      SLACK_API_URL: '',
    });
    expect(r.ok && r.config.database.url).toBeUndefined();
    expect(r.ok && r.config.charts.renderer).toBe('local');
    expect(r.ok && r.config.log.format).toBe('pretty');
    expect(parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', NODE_ENV: 'production' }).ok).toBe(true);
  });
  it('puts embedded PGlite in its own folder under DATA_DIR', () => {
    expect(parseDatabaseConfig({ DATA_DIR: '/var/lib/stat-bot/' })).toEqual({
      databaseUrl: undefined,
      dataDir: '/var/lib/stat-bot/pglite',
    });
  });
});
