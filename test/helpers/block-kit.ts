// Checks a view builder's output against the vendored Block Kit schema (vendor/slack-spec), the
// same independent check the sandbox applies to every payload the bot sends.
import path from 'node:path';
import { expect } from 'vitest';
import {
  createBlockKitValidator,
  defaultBlockKitSchemaPath,
  type ViewType,
} from '../../local-stack/slack-sandbox/block-kit-validator.js';

const validator = createBlockKitValidator(
  defaultBlockKitSchemaPath(path.resolve(import.meta.dirname, '../../vendor/slack-spec')),
);

export function expectValidMessage(message: { text: string; blocks: readonly unknown[] }): void {
  expect(message.text.trim(), 'a message needs fallback text').not.toBe('');
  expect(validator.messageBlocks(message.blocks)).toEqual([]);
}

export function expectValidView(view: unknown, type: ViewType): void {
  expect(validator.view(view, type)).toEqual([]);
}
