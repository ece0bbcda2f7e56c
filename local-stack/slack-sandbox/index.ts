// The local Slack sandbox: start it, point Bolt/WebClient at `apiUrl`, drive the bot with a driver.

export type {
  BlockActionOptions,
  EventOptions,
  MessageShortcutOptions,
  SlashCommandOptions,
  StateValue,
  StateValues,
  ViewClosedOptions,
  ViewSubmissionOptions,
} from './interaction-payloads.js';
export { InteractionPayloads } from './interaction-payloads.js';
export { SANDBOX_IDS } from './sandbox-state.js';
export type * from './sandbox-types.js';
export {
  createHttpDriver,
  createSocketDriver,
  type DriverResponse,
  type HttpDriver,
  type SendOptions,
  type SlackDriver,
  type SocketDriver,
  slackSignature,
} from './slack-driver.js';
export { LIMITS } from './slack-limits.js';
export { type SandboxOptions, SlackSandbox, startSlackSandbox, type WaitForCallOptions } from './slack-sandbox.js';
