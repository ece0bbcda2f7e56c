// Renders sandbox state as the JSON objects Slack returns (users.info `user`, conversations.info
// `channel`, a `message`, a `view`, a `file`). Used by method handlers and by the driver's payloads.
import { SANDBOX_IDS } from './sandbox-state.js';
import type { SandboxChannel, SandboxUser, StoredFile, StoredMessage, StoredView } from './sandbox-types.js';

export function userObject(u: SandboxUser): Record<string, unknown> {
  return {
    id: u.id,
    team_id: SANDBOX_IDS.teamId,
    name: u.name,
    deleted: u.deleted,
    real_name: u.realName,
    tz: u.tz,
    tz_label: u.tz,
    tz_offset: tzOffsetSeconds(u.tz),
    is_bot: u.isBot,
    is_app_user: false,
    is_admin: false,
    is_restricted: false,
    profile: {
      real_name: u.realName,
      display_name: u.name,
      email: u.email,
      image_48: `https://sandbox.slack.invalid/avatars/${u.id}_48.png`,
      ...(u.isBot ? { bot_id: u.id === SANDBOX_IDS.botUserId ? SANDBOX_IDS.botId : `B${u.id.slice(1)}` } : {}),
    },
  };
}

function tzOffsetSeconds(tz: string): number {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' }).formatToParts(
      new Date(),
    );
    const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    if (!m) return 0;
    return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3]) * 60);
  } catch {
    return 0;
  }
}

export function channelObject(c: SandboxChannel): Record<string, unknown> {
  if (c.isIm) {
    return {
      id: c.id,
      is_im: true,
      user: c.members.find((m) => m !== SANDBOX_IDS.botUserId),
      is_open: true,
      created: 1_700_000_000,
    };
  }
  return {
    id: c.id,
    name: c.name,
    is_channel: !c.isPrivate && !c.isMpim,
    is_group: c.isPrivate && !c.isMpim,
    is_im: false,
    is_mpim: c.isMpim,
    is_private: c.isPrivate,
    is_archived: c.isArchived,
    is_general: c.name === 'general',
    is_member: c.botIsMember,
    num_members: c.members.length,
    created: 1_700_000_000,
    creator: c.members[0] ?? '',
    topic: { value: '', creator: '', last_set: 0 },
    purpose: { value: '', creator: '', last_set: 0 },
  };
}

export function messageObject(
  m: StoredMessage,
  files: (id: string) => StoredFile | undefined,
  baseUrl: string,
): Record<string, unknown> {
  const fromBot = m.user === SANDBOX_IDS.botUserId;
  return {
    type: 'message',
    text: m.text,
    user: m.user,
    ts: m.ts,
    team: SANDBOX_IDS.teamId,
    ...(fromBot ? { bot_id: SANDBOX_IDS.botId, app_id: SANDBOX_IDS.appId } : {}),
    ...(m.blocks ? { blocks: m.blocks } : {}),
    ...(m.thread_ts ? { thread_ts: m.thread_ts } : {}),
    ...(m.files
      ? {
          files: m.files
            .map((id) => files(id))
            .filter((f): f is StoredFile => !!f)
            .map((f) => fileObject(f, baseUrl)),
        }
      : {}),
    ...(m.edited ? { edited: m.edited } : {}),
    ...(m.reactions.length ? { reactions: m.reactions.map((r) => ({ ...r, count: r.users.length })) } : {}),
    ...(m.metadata !== undefined ? { metadata: m.metadata } : {}),
  };
}

/** The view as Slack returns it from views.* and sends it in interaction payloads. */
export function viewObject(v: StoredView): Record<string, unknown> {
  const { user: _user, open: _open, ...slack } = v;
  return structuredClone(slack);
}

export function fileObject(f: StoredFile, baseUrl: string): Record<string, unknown> {
  const filetype = f.filename.includes('.') ? f.filename.split('.').pop()!.toLowerCase() : 'binary';
  const shares: Record<string, Record<string, { ts: string }[]>> = { public: {}, private: {} };
  for (const c of f.channels) {
    const kind = c.startsWith('C') ? 'public' : 'private';
    shares[kind]![c] = [{ ts: '' }];
  }
  return {
    id: f.id,
    created: Math.floor(f.created / 1000),
    timestamp: Math.floor(f.created / 1000),
    name: f.filename,
    title: f.title,
    mimetype: f.mimetype,
    filetype,
    pretty_type: filetype.toUpperCase(),
    user: f.uploadedBy,
    size: f.bytes?.length ?? 0,
    mode: 'hosted',
    is_external: false,
    is_public: f.channels.some((c) => c.startsWith('C')),
    url_private: `${baseUrl}/files/${f.id}/${encodeURIComponent(f.filename)}`,
    url_private_download: `${baseUrl}/files/${f.id}/${encodeURIComponent(f.filename)}?download=1`,
    permalink: `https://${SANDBOX_IDS.teamDomain}.slack.com/files/${f.uploadedBy}/${f.id}/${encodeURIComponent(f.filename)}`,
    channels: f.channels.filter((c) => c.startsWith('C')),
    groups: f.channels.filter((c) => c.startsWith('G')),
    ims: f.channels.filter((c) => c.startsWith('D')),
    shares,
    ...(f.altText !== undefined ? { alt_txt: f.altText } : {}),
  };
}

/** A minimal MIME guess: magic bytes first (what Slack does), then the extension. */
export function sniffMimetype(bytes: Buffer | undefined, filename: string): string {
  if (
    bytes &&
    bytes.length >= 8 &&
    bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  )
    return 'image/png';
  if (bytes && bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes && bytes.subarray(0, 4).toString('latin1') === '%PDF') return 'application/pdf';
  const ext = filename.split('.').pop()?.toLowerCase();
  const byExt: Record<string, string> = {
    png: 'image/png',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    svg: 'image/svg+xml',
    csv: 'text/csv',
    txt: 'text/plain',
    json: 'application/json',
    pdf: 'application/pdf',
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };
  return (ext && byExt[ext]) ?? 'application/octet-stream';
}
