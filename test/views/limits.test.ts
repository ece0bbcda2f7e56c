// The app's Slack limits agree with the sandbox's own table, which was written from Slack's
// reference separately (local-stack/slack-sandbox/slack-limits.ts) and checks every payload.
import { describe, expect, it } from 'vitest';
import { LIMITS as SANDBOX } from '../../local-stack/slack-sandbox/slack-limits.js';
import { LIMITS } from '../../src/views/limits.js';

describe('LIMITS', () => {
  it('match the limits the sandbox enforces', () => {
    expect({
      messageBlocks: LIMITS.messageBlocks,
      viewBlocks: LIMITS.viewBlocks,
      sectionText: LIMITS.sectionText,
      headerText: LIMITS.headerText,
      buttonText: LIMITS.buttonText,
      imageUrl: LIMITS.imageUrl,
      privateMetadata: LIMITS.privateMetadata,
      modalTitle: LIMITS.viewTitle,
    }).toEqual({
      messageBlocks: SANDBOX.messageBlocks,
      viewBlocks: SANDBOX.viewBlocks,
      sectionText: SANDBOX.sectionText,
      headerText: SANDBOX.headerText,
      buttonText: SANDBOX.buttonText,
      imageUrl: SANDBOX.imageUrl,
      privateMetadata: SANDBOX.privateMetadata,
      modalTitle: SANDBOX.modalTitle,
    });
  });
});
