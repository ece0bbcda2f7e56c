// files.*: Slack's two-step upload. getUploadURLExternal hands out an upload_url (served by this
// sandbox at /upload/<file_id>), the client POSTs the bytes there, and completeUploadExternal
// shares the files, posting a message that carries them.
import { SANDBOX_IDS } from '../sandbox-state.js';
import type { StoredFile, StoredMessage } from '../sandbox-types.js';
import { fileObject, sniffMimetype } from '../slack-objects.js';
import { fail, type MethodHandler, str } from './method-handler.js';

const getUploadURLExternal: MethodHandler = ({ args, state, baseUrl }) => {
  const filename = str(args.filename) ?? '';
  const length = Number(args.length);
  if (!filename || !Number.isInteger(length) || length < 1) return fail('missing_argument');
  // web-api sends `alt_text`; Slack documents `alt_txt`. Accept both (see method-specs.ts).
  const altText = str(args.alt_txt) ?? str(args.alt_text);
  if (altText !== undefined && altText.length > 1000) return fail('alt_txt_too_large');
  const id = state.newId('F');
  const file: StoredFile = {
    id,
    filename,
    title: filename,
    length,
    mimetype: sniffMimetype(undefined, filename),
    completed: false,
    channels: [],
    uploadedBy: SANDBOX_IDS.botUserId,
    created: state.now(),
    ...(altText !== undefined ? { altText } : {}),
    ...(str(args.snippet_type) ? { snippetType: str(args.snippet_type) } : {}),
  };
  state.files.set(id, file);
  return { ok: true, upload_url: `${baseUrl}/upload/${id}`, file_id: id };
};

const completeUploadExternal: MethodHandler = ({ args, state, baseUrl, method }) => {
  const entries = Array.isArray(args.files) ? (args.files as { id?: unknown; title?: unknown }[]) : [];
  const files: StoredFile[] = [];
  for (const e of entries) {
    const f = typeof e.id === 'string' ? state.files.get(e.id) : undefined;
    // Completing before the bytes arrived is a real failure mode (upload step skipped or failed).
    if (!f || f.bytes === undefined) return fail('file_not_found');
    files.push(f);
  }
  if (files.length === 0) return fail('file_not_found');
  const channelArgs = [str(args.channel_id), ...(str(args.channels)?.split(',') ?? [])].filter((c): c is string => !!c);
  const targets = [];
  for (const c of channelArgs) {
    const t = state.postTarget(c.trim());
    if (!t.ok) return fail(t.error);
    targets.push(t.channel);
  }
  entries.forEach((e, i) => {
    const f = files[i]!;
    f.completed = true;
    if (typeof e.title === 'string') f.title = e.title;
  });
  const threadTs = str(args.thread_ts);
  const comment = str(args.initial_comment);
  for (const channel of targets) {
    const m: StoredMessage = {
      channel: channel.id,
      ts: state.nextTs(),
      text: comment ?? '',
      user: SANDBOX_IDS.botUserId,
      bot_id: SANDBOX_IDS.botId,
      files: files.map((f) => f.id),
      reactions: [],
      pinned: false,
      via: method,
      ...(threadTs ? { thread_ts: threadTs } : {}),
      ...(Array.isArray(args.blocks) && args.blocks.length > 0 ? { blocks: args.blocks } : {}),
    };
    state.messages.push(m);
    for (const f of files) {
      if (!f.channels.includes(channel.id)) f.channels.push(channel.id);
      if (threadTs) f.threadTs = threadTs;
      if (comment !== undefined) f.initialComment = comment;
    }
  }
  return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title, ...fileObject(f, baseUrl) })) };
};

const info: MethodHandler = ({ args, state, baseUrl }) => {
  const f = state.files.get(str(args.file) ?? '');
  if (!f?.completed) return fail('file_not_found');
  return { ok: true, file: fileObject(f, baseUrl), comments: [], response_metadata: { next_cursor: '' } };
};

export const fileMethods: Record<string, MethodHandler> = {
  'files.getUploadURLExternal': getUploadURLExternal,
  'files.completeUploadExternal': completeUploadExternal,
  'files.info': info,
};
