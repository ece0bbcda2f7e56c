// What every message builder returns: Slack's own block types, so the compiler checks each block
// and no cast is needed between a builder and the Web API. `text` is the notification and
// screen-reader fallback Slack asks for alongside blocks.
import type { HomeView, KnownBlock, ModalView } from '@slack/types';

export type { HomeView, KnownBlock, ModalView };

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}
