// Text typed by people is echoed back inside our messages. Slack turns `<!channel>`, `<@U…>` and
// `<http…|…>` into pings and links, so user text is escaped before it goes into mrkdwn.
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cut text to fit a limit, saying so, so a reader knows there is more. */
export function fitText(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - 1)}…`;
}

export function plain(text: string) {
  return { type: 'plain_text' as const, text, emoji: true };
}

export function md(text: string) {
  return { type: 'mrkdwn' as const, text };
}

/** "Public Works" → "Public Works'", "Fire & EMS" → "Fire & EMS's". */
export function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}
