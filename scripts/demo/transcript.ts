// Records what the bot sent to Slack during each demo scene and writes it as Markdown (for
// people) and raw Block Kit JSON (for developers) under demo-output/.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SlackSandbox } from '../../local-stack/slack-sandbox/index.js';
import { renderBlocks, renderView } from './render-blocks.js';

type Obj = Record<string, unknown>;

export class Transcript {
  private md: string[] = [];
  private raw: { scene: string; items: Obj[] }[] = [];
  private seenCalls = 0;
  private seenResponses = 0;
  private scene = '';

  constructor(
    private readonly sandbox: SlackSandbox,
    private readonly names: Map<string, string>,
    private readonly outDir: string,
  ) {}

  private who(id: unknown): string {
    const s = String(id ?? '');
    // The sandbox names a DM channel after its user: D0DPWLIA1 is the DM with U0DPWLIA1.
    const userId = s.startsWith('D') ? `U${s.slice(1)}` : s;
    const user = this.names.get(userId);
    if (user) return `${user} (DM)`;
    const channel = this.sandbox.state.channels.get(s);
    return channel ? `#${channel.name}` : s;
  }

  begin(title: string, when: Date, narration: string): void {
    this.flush();
    this.scene = title;
    const local = when.toLocaleString('en-US', {
      timeZone: 'America/New_York',
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
    this.md.push(`\n## ${title}\n_${local} (America/New_York)_ — ${narration}\n`);
  }

  /** What the bot answered directly to a request (the ack body: inline errors, an updated modal). */
  ack(label: string, body: unknown): void {
    this.flush(); // what the bot sent before this reply comes first
    if (!body) return;
    const b = body as Obj;
    const content =
      b.response_action === 'errors'
        ? `Inline errors:\n${Object.values((b.errors as Obj) ?? {})
            .map((e) => `- ${String(e)}`)
            .join('\n')}`
        : b.view
          ? renderView(b.view)
          : JSON.stringify(b);
    this.md.push(`**${label}** (reply to the request)\n\n${quote(content)}\n`);
    this.raw.push({ scene: this.scene, items: [{ ack: label, body: b }] });
  }

  flush(): void {
    // API calls and response_url replies, merged in the order they happened.
    const events: { at: number; line: string; item: Obj }[] = [];
    for (const call of this.sandbox.calls.slice(this.seenCalls)) {
      const line = call.ok ? this.describe(call.method, call.args as Obj) : null;
      if (line) events.push({ at: call.at, line, item: { method: call.method, args: call.args } });
    }
    this.seenCalls = this.sandbox.calls.length;
    for (const r of this.sandbox.responses().slice(this.seenResponses)) {
      events.push({
        at: r.at,
        line: `**Reply visible only to the person who asked**\n\n${quote(renderBlocks(r.body.blocks, String(r.body.text ?? '')))}\n`,
        item: { response_url: r.id, body: r.body },
      });
    }
    this.seenResponses = this.sandbox.responses().length;
    events.sort((a, b) => a.at - b.at);
    this.md.push(...events.map((e) => e.line));
    if (events.length) this.raw.push({ scene: this.scene, items: events.map((e) => e.item) });
  }

  private describe(method: string, a: Obj): string | null {
    switch (method) {
      case 'chat.postMessage':
        return `**Message to ${this.who(a.channel)}**${a.thread_ts ? ' (in thread)' : ''}\n\n${quote(renderBlocks(a.blocks, String(a.text ?? '')))}\n`;
      case 'chat.update':
        return `**Message updated in ${this.who(a.channel)}**\n\n${quote(renderBlocks(a.blocks, String(a.text ?? '')))}\n`;
      case 'views.open':
      case 'views.push':
      case 'views.update':
        return `**Modal (${method})**\n\n${quote(renderView(a.view))}\n`;
      case 'views.publish':
        return `**App Home for ${this.names.get(String(a.user_id)) ?? String(a.user_id)}**\n\n${quote(renderView(a.view))}\n`;
      case 'files.completeUploadExternal':
        return `**Files uploaded to ${this.who(a.channel_id)}**: ${(a.files as Obj[] | undefined)?.map((f) => f.title).join(', ') ?? ''}\n`;
      default:
        return null;
    }
  }

  async write(): Promise<string> {
    this.flush();
    await mkdir(this.outDir, { recursive: true });
    const file = path.join(this.outDir, 'transcript.md');
    await writeFile(
      file,
      `# stat-bot demo transcript\n\nEverything the bot sent to the local Slack sandbox, scene by scene. Raw Block Kit JSON: \`blocks.json\`.\n${this.md.join('\n')}`,
    );
    await writeFile(path.join(this.outDir, 'blocks.json'), JSON.stringify(this.raw, null, 2));
    return file;
  }
}

function quote(text: string): string {
  return text
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');
}
