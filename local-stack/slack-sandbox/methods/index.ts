// Every Web API method the sandbox implements, by name. A method needs both a spec file in
// shared/slack-spec/methods and an entry here.
import { appMethods } from './app-methods.js';
import { chatMethods } from './chat-methods.js';
import { conversationMethods } from './conversation-methods.js';
import { fileMethods } from './file-methods.js';
import { historyMethods } from './history-methods.js';
import type { MethodHandler } from './method-handler.js';
import { peopleMethods } from './people-methods.js';
import { viewMethods } from './view-methods.js';

export const METHOD_HANDLERS: Record<string, MethodHandler> = {
  ...appMethods,
  ...chatMethods,
  ...conversationMethods,
  ...fileMethods,
  ...historyMethods,
  ...peopleMethods,
  ...viewMethods,
};

export type { HandlerContext, MethodHandler } from './method-handler.js';
export { createView, replaceView } from './view-methods.js';
