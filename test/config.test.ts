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
    expect(r.ok && r.config.database.databaseUrl).toBeUndefined();
    expect(r.ok && r.config.charts.renderer).toBe('local');
    expect(r.ok && r.config.log.format).toBe('pretty');
    expect(parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', NODE_ENV: 'production' }).ok).toBe(true);
  });
  it('puts embedded PGlite in its own folder under DATA_DIR', () => {
    const r = parseDatabaseConfig({ DATA_DIR: '/var/lib/stat-bot/' });
    expect(r.ok && r.config.database).toEqual({ databaseUrl: undefined, dataDir: '/var/lib/stat-bot/pglite' });
    const full = parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', DATA_DIR: '/var/lib/stat-bot/' });
    expect(full.ok && full.config.database).toEqual(r.ok && r.config.database);
  });
  it('checks the database settings of Slack-less CLI commands with the same rules as npm start', () => {
    const r = parseDatabaseConfig({ DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.join('\n')).toContain('DATABASE_URL must start with postgres://');
      expect(r.errors).toHaveLength(2);
    }
    expect(parseDatabaseConfig({}).ok).toBe(true);
  });
  it('hands the logger the secrets among the settings, and of a URL only its password', () => {
    const r = parseConfig({
      SLACK_BOT_TOKEN: 'xoxb-123-abc',
      SLACK_APP_TOKEN: 'xapp-1-xyz',
      SLACK_SIGNING_SECRET: 'sign-me',
      DATABASE_URL: 'postgres://app:p%40ss%20word@db.internal:5432/stat',
      CHART_RENDERER: 'quickchart',
      QUICKCHART_URL: 'https://charts:qc-secret@quickchart.example.gov',
    });
    expect(r.ok && r.config.log.secrets).toEqual([
      'xoxb-123-abc',
      'xapp-1-xyz',
      'sign-me',
      'p@ss word',
      'p%40ss%20word',
      'qc-secret',
    ]);
    const db = parseDatabaseConfig({ DATABASE_URL: 'postgres://app:hunter22@db/stat' });
    expect(db.ok && db.config.log.secrets).toEqual(['hunter22']);
  });
});
