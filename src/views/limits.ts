// Slack's Block Kit limits in one place (https://docs.slack.dev/reference/block-kit). Every view
// takes its limits from this table, never a number of its own; builders page or thread when they
// would exceed them, and nothing is silently cut.
export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  /** A context block's mrkdwn or plain_text element. */
  contextText: 3000,
  headerText: 150,
  contextElements: 10,
  buttonText: 75,
  /** The text of an option in a select menu. */
  optionText: 75,
  /** Options in one static select. */
  selectOptions: 100,
  viewTitle: 24,
  privateMetadata: 3000,
  inputLabel: 2000,
  inputHint: 2000,
  plainTextInput: 3000,
  /** Total characters of blocks in one message that Slack renders reliably. */
  messageChars: 12_000,
  imageUrl: 3000,
  imageAltText: 2000,
  imageTitle: 2000,
  /** Image blocks the packet puts in one chart message (a readable thread, well under 50 blocks). */
  imagesPerMessage: 20,
} as const;
