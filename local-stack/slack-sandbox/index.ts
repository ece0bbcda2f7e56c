// The local Slack sandbox: start it, point Bolt/WebClient at `apiUrl`, drive the bot with a driver.
export { startSlackSandbox, SlackSandbox, type SandboxOptions, type WaitForCallOptions } from './slack-sandbox.js';
export {
  createHttpDriver,
  createSocketDriver,
  slackSignature,
  type DriverResponse,
  type HttpDriver,
  type SendOptions,
  type SlackDriver,
  type SocketDriver,
} from './slack-driver.js';
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
export { SANDBOX_IDS } from './sandbox-state.js';
export { LIMITS } from './slack-limits.js';
export type * from './sandbox-types.js';
