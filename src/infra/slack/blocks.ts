// Our view builders return plain Block Kit JSON; the Slack SDK wants its own block types.
// This is the one place that bridges the two. The sandbox checks the JSON against Slack's
// Block Kit schema in every test, which is the check that matters.
import type { KnownBlock, View } from '@slack/types';

export function toSlackBlocks(blocks: readonly object[]): KnownBlock[] {
  return blocks as KnownBlock[];
}

export function toSlackView(view: object): View {
  return view as View;
}
