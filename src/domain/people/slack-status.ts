// Whether a Slack profile status says the person is out (`respect_slack_status: true`): an
// out-of-office or vacation status that has an expiry. Pure: the status and `now` come in.

const OUT_TEXT =
  /\b(out of (the )?office|ooo|on leave|on vacation|vacation|holiday|annual leave|parental leave|sick)\b/i;
const OUT_EMOJI = new Set([':palm_tree:', ':airplane:', ':beach_with_umbrella:', ':face_with_thermometer:', ':baby:']);

/** The instant the status expires when it says the person is out, else null (no expiry: not trusted). */
export function outOfOfficeUntil(status: { text: string; emoji: string; expiration: number }, now: Date): Date | null {
  if (!status.expiration) return null;
  const until = new Date(status.expiration * 1000);
  if (until <= now) return null;
  return OUT_TEXT.test(status.text) || OUT_EMOJI.has(status.emoji) ? until : null;
}
