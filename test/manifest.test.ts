// The manifest asks for exactly the scopes the code needs, no more: each Web API method the bot
// calls is looked up in Slack's method specs.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(readFileSync('manifest.json', 'utf8'));
const specDir = path.resolve('vendor/slack-spec/methods');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? e.name === 'generated'
        ? []
        : sourceFiles(path.join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [path.join(dir, e.name)]
        : [],
  );
}

describe('manifest.json', () => {
  const used = new Set(
    sourceFiles('src').flatMap((f) =>
      // Two- and three-part names: chat.postMessage, usergroups.users.list.
      [...readFileSync(f, 'utf8').matchAll(/client\.(\w+(?:\.\w+)?)\.(\w+)\(/g)].map((m) => `${m[1]}.${m[2]}`),
    ),
  );
  // files.uploadV2 is the SDK's wrapper around two methods.
  if (used.delete('files.uploadV2')) used.add('files.getUploadURLExternal').add('files.completeUploadExternal');

  it('grants a bot scope for every method the code calls', () => {
    const granted = new Set<string>(manifest.oauth_config.scopes.bot);
    for (const method of used) {
      const spec = JSON.parse(readFileSync(path.join(specDir, `${method}.json`), 'utf8'));
      const options: string[] = spec.scope?.bot ?? [];
      if (spec.no_scope_required || options.length === 0) continue;
      expect(
        options.some((s) => granted.has(s)),
        `${method} needs one of ${options.join(', ')}`,
      ).toBe(true);
    }
  });

  it('asks for nothing the code does not use', () => {
    const needed = new Set(['commands']); // the slash command itself
    for (const method of used) {
      const spec = JSON.parse(readFileSync(path.join(specDir, `${method}.json`), 'utf8'));
      for (const s of (spec.scope?.bot ?? []) as string[])
        if (manifest.oauth_config.scopes.bot.includes(s)) needed.add(s);
    }
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
  });

  // History is read for one thing only: a notice whose sender died mid-send is looked for (by the key
  // in its message metadata) before it is sent again, so a kill never duplicates it
  // (docs/reliability.md §1). DMs need im:history; packets and meeting records go to the meeting
  // channel, public (channels:history) or private (groups:history). The bot posts in no group DM,
  // so no mpim:history.
  it('reads conversation history only to look for a notice before resending it', () => {
    const history = manifest.oauth_config.scopes.bot.filter((s: string) => s.endsWith(':history'));
    expect(history.sort()).toEqual(['channels:history', 'groups:history', 'im:history']);
    const readers = sourceFiles('src').filter((f) =>
      /client\.conversations\.(history|replies)\(/.test(readFileSync(f, 'utf8')),
    );
    expect(readers).toEqual([path.join('src', 'infra', 'slack', 'slack-gateway.ts')]);
  });

  it('declares the /stat command, the shortcut, App Home and Socket Mode', () => {
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual(['/stat']);
    expect(manifest.features.shortcuts[0].callback_id).toBe('stat_track_followup');
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['app_home_opened']);
  });
});
