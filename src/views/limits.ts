// Slack's Block Kit limits in one place (https://api.slack.com/reference/block-kit). Builders page
// or thread when they would exceed them; nothing is silently cut.
export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  headerText: 150,
  contextElements: 10,
  buttonText: 75,
  viewTitle: 24,
  privateMetadata: 3000,
  inputLabel: 2000,
  inputHint: 2000,
  plainTextInput: 3000,
  /** Total characters of blocks in one message that Slack renders reliably. */
  messageChars: 12_000,
  imageUrl: 3000,
  /** A static select: 100 options, or 100 option groups of 100 options; option text 75 characters. */
  selectOptions: 100,
  optionText: 75,
} as const;
