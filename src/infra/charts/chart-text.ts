// Text inside chart images: line breaks Chart.js will not make itself (numbers with units come
// from domain/number-format.ts, as in messages).

function wrapWords(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= maxChars) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * Chart.js never wraps a title; an array of strings is drawn as lines. Breaks go after " — " first
 * ("Off target" and "a deterioration" stay whole), then between words. Characters per line are
 * tuned to VARIANCE_CHART_SIZE and OVERVIEW_PANEL_SIZE (DejaVu Sans averages ~0.6 em per character).
 */
export function wrapText(text: string, maxChars: number): string[] {
  if (text.length <= maxChars) return [text];
  const parts = text.split(' — ');
  return parts.flatMap((part, i) => wrapWords(i < parts.length - 1 ? `${part} —` : part, maxChars));
}
