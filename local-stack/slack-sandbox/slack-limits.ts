// Slack's published limits, checked independently of the Block Kit schema: some are not in the
// schema at all (50 blocks per message, unique block_ids), and the others are checked here too so
// the sandbox keeps enforcing them if the schema is ever swapped for one that drops them.
// Numbers: docs.slack.dev Block Kit reference.

export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  sectionFieldText: 2000,
  sectionFields: 10,
  headerText: 150,
  buttonText: 75,
  imageUrl: 3000,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  callbackId: 255,
  messageText: 40_000,
  stackedViews: 3,
} as const;

export interface LimitProblem {
  pointer: string;
  message: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const textOf = (v: unknown): string | undefined => (isObj(v) && typeof v.text === 'string' ? v.text : undefined);

export function checkMessageLimits(blocks: unknown[]): LimitProblem[] {
  const problems: LimitProblem[] = [];
  if (blocks.length > LIMITS.messageBlocks) {
    problems.push({
      pointer: '/blocks',
      message: `a message may have at most ${LIMITS.messageBlocks} blocks, got ${blocks.length}`,
    });
  }
  checkBlocks(blocks, '/blocks', problems);
  return problems;
}

export function checkViewLimits(view: Obj, type: 'modal' | 'home'): LimitProblem[] {
  const problems: LimitProblem[] = [];
  const blocks = Array.isArray(view.blocks) ? (view.blocks as unknown[]) : [];
  if (blocks.length > LIMITS.viewBlocks) {
    problems.push({
      pointer: '/view/blocks',
      message: `a ${type} view may have at most ${LIMITS.viewBlocks} blocks, got ${blocks.length}`,
    });
  }
  if (type === 'modal') {
    for (const key of ['title', 'submit', 'close'] as const) {
      const text = textOf(view[key]);
      if (text !== undefined && text.length > LIMITS.modalTitle) {
        problems.push({
          pointer: `/view/${key}/text`,
          message: `view ${key} must be at most ${LIMITS.modalTitle} characters, got ${text.length} ("${text}")`,
        });
      }
    }
  }
  if (typeof view.private_metadata === 'string' && view.private_metadata.length > LIMITS.privateMetadata) {
    problems.push({
      pointer: '/view/private_metadata',
      message: `private_metadata must be at most ${LIMITS.privateMetadata} characters, got ${view.private_metadata.length}`,
    });
  }
  if (typeof view.callback_id === 'string' && view.callback_id.length > LIMITS.callbackId) {
    problems.push({
      pointer: '/view/callback_id',
      message: `callback_id must be at most ${LIMITS.callbackId} characters`,
    });
  }
  checkBlocks(blocks, '/view/blocks', problems);
  return problems;
}

function checkBlocks(blocks: unknown[], base: string, problems: LimitProblem[]): void {
  const blockIds = new Map<string, number>();
  blocks.forEach((block, i) => {
    if (!isObj(block)) return;
    const at = `${base}/${i}`;
    const label = `blocks[${i}] (${String(block.type)})`;
    if (typeof block.block_id === 'string') {
      const first = blockIds.get(block.block_id);
      // Slack rejects the whole payload on a repeated block_id; state.values is keyed by it.
      if (first !== undefined) {
        problems.push({
          pointer: `${at}/block_id`,
          message: `${label}: duplicate block_id "${block.block_id}" (first used by blocks[${first}])`,
        });
      } else {
        blockIds.set(block.block_id, i);
      }
    }
    if (block.type === 'section') {
      const text = textOf(block.text);
      if (text !== undefined && text.length > LIMITS.sectionText) {
        problems.push({
          pointer: `${at}/text/text`,
          message: `${label}: section text must be at most ${LIMITS.sectionText} characters, got ${text.length}`,
        });
      }
      if (Array.isArray(block.fields)) {
        if (block.fields.length > LIMITS.sectionFields) {
          problems.push({
            pointer: `${at}/fields`,
            message: `${label}: at most ${LIMITS.sectionFields} fields, got ${block.fields.length}`,
          });
        }
        block.fields.forEach((f, j) => {
          const t = textOf(f);
          if (t !== undefined && t.length > LIMITS.sectionFieldText) {
            problems.push({
              pointer: `${at}/fields/${j}/text`,
              message: `${label}: field ${j} must be at most ${LIMITS.sectionFieldText} characters, got ${t.length}`,
            });
          }
        });
      }
    }
    if (block.type === 'header') {
      const text = textOf(block.text);
      if (text !== undefined && text.length > LIMITS.headerText) {
        problems.push({
          pointer: `${at}/text/text`,
          message: `${label}: header text must be at most ${LIMITS.headerText} characters, got ${text.length}`,
        });
      }
    }
    walkElements(block, at, (el, pointer) => {
      if (el.type === 'button') {
        const t = textOf(el.text);
        if (t !== undefined && t.length > LIMITS.buttonText) {
          problems.push({
            pointer: `${pointer}/text/text`,
            message: `${label}: button text must be at most ${LIMITS.buttonText} characters, got ${t.length}`,
          });
        }
      }
      if (el.type === 'image' && typeof el.image_url === 'string' && el.image_url.length > LIMITS.imageUrl) {
        problems.push({
          pointer: `${pointer}/image_url`,
          message: `${label}: image_url must be at most ${LIMITS.imageUrl} characters, got ${el.image_url.length}`,
        });
      }
    });
    // Interactive elements in one block are told apart by action_id only.
    const actionIds = new Set<string>();
    walkElements(block, at, (el, pointer) => {
      if (el === block || typeof el.action_id !== 'string') return;
      if (actionIds.has(el.action_id)) {
        problems.push({
          pointer: `${pointer}/action_id`,
          message: `${label}: duplicate action_id "${el.action_id}" in one block`,
        });
      }
      actionIds.add(el.action_id);
    });
  });
}

/** Visits the block itself and every nested object that has a `type` (elements, accessories, images). */
function walkElements(node: unknown, pointer: string, visit: (el: Obj, pointer: string) => void): void {
  if (Array.isArray(node)) {
    for (const [i, child] of node.entries()) walkElements(child, `${pointer}/${i}`, visit);
    return;
  }
  if (!isObj(node)) return;
  if (typeof node.type === 'string') visit(node, pointer);
  for (const [key, child] of Object.entries(node)) {
    if (typeof child === 'object' && child !== null) walkElements(child, `${pointer}/${key}`, visit);
  }
}
