// Block Kit → readable Markdown for the demo transcript: what a person would see in Slack,
// with buttons and inputs shown in brackets.
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (t: unknown): string => (isObj(t) && typeof t.text === 'string' ? unescapeMrkdwn(t.text) : '');
const unescapeMrkdwn = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function element(e: unknown): string {
  if (!isObj(e)) return '';
  switch (e.type) {
    case 'button':
      return `[${text(e.text)}]`;
    case 'number_input':
      return `[number${e.initial_value ? `: ${String(e.initial_value)}` : ''}]`;
    case 'plain_text_input':
      return `[text${e.initial_value ? `: ${String(e.initial_value).slice(0, 60)}` : ''}]`;
    case 'checkboxes':
      return (Array.isArray(e.options) ? e.options : []).map((o) => `[ ] ${text((o as Obj).text)}`).join(' ');
    case 'datepicker':
      return `[date${e.initial_date ? `: ${String(e.initial_date)}` : ''}]`;
    case 'users_select':
      return `[person${e.initial_user ? `: ${String(e.initial_user)}` : ''}]`;
    case 'static_select':
      return `[choose${isObj(e.initial_option) ? `: ${text(e.initial_option.text)}` : ''}]`;
    default:
      return `[${String(e.type)}]`;
  }
}

function block(b: unknown): string {
  if (!isObj(b)) return '';
  switch (b.type) {
    case 'header':
      return `#### ${text(b.text)}`;
    case 'section':
      return [text(b.text), b.accessory ? element(b.accessory) : ''].filter(Boolean).join('  ');
    case 'context':
      return `_${(Array.isArray(b.elements) ? b.elements : []).map((e) => text(e)).join(' ')}_`;
    case 'divider':
      return '---';
    case 'actions':
      return (Array.isArray(b.elements) ? b.elements : []).map(element).join(' ');
    case 'input':
      return `**${text(b.label)}** ${element(b.element)}${b.hint ? ` — _${text(b.hint)}_` : ''}`;
    case 'image':
      return `![${String(b.alt_text ?? '')}](chart)`;
    default:
      return `(${String(b.type)})`;
  }
}

export function renderBlocks(blocks: unknown, fallback = ''): string {
  const list = Array.isArray(blocks) ? blocks : [];
  if (list.length === 0) return fallback;
  return list.map(block).filter(Boolean).join('\n\n');
}

export function renderView(view: unknown): string {
  if (!isObj(view)) return '';
  const title = text(view.title);
  const buttons = [view.submit ? `[${text(view.submit)}]` : '', view.close ? `[${text(view.close)}]` : '']
    .filter(Boolean)
    .join(' ');
  return `${title ? `**${title}**\n\n` : ''}${renderBlocks(view.blocks)}${buttons ? `\n\n${buttons}` : ''}`;
}
