import { describe, expect, it } from 'vitest';
import { buildPublishedNotice, buildPublishReply } from '../../src/views/publish-message.js';
import { expectValidMessage } from '../helpers/block-kit.js';

describe('publishing messages', () => {
  it('the packet-thread notice names the count, the period and links the site', () => {
    const m = buildPublishedNotice({
      metrics: 5,
      periodLabel: 'October 2026',
      siteUrl: 'https://x.gov/site/index.html',
    });
    expectValidMessage(m);
    expect(m.text).toContain('Published: 5 metrics for October 2026.');
    expect(m.text).toContain('<https://x.gov/site/index.html|See the public site>');
    expect(buildPublishedNotice({ metrics: 1, periodLabel: '2026-Q3', siteUrl: null }).text).toMatch(
      /1 metric for 2026-Q3\.$/,
    );
  });

  it('every /stat publish answer is a valid message with its own words', () => {
    const replies = [
      buildPublishReply({
        kind: 'published',
        records: 12,
        revised: 1,
        newPeriods: [{ label: 'October 2026', metrics: 5 }],
        siteUrl: null,
      }),
      buildPublishReply({ kind: 'nothing_public' }),
      buildPublishReply({ kind: 'not_publishable', periodLabel: 'November 2026' }),
      buildPublishReply({ kind: 'not_configured' }),
      buildPublishReply({ kind: 'not_allowed' }),
    ];
    for (const r of replies) expectValidMessage(r);
    expect(replies[0]!.text).toBe('Republished 12 records (5 new for October 2026), 1 revised.');
    expect(new Set(replies.map((r) => r.text)).size).toBe(replies.length);
  });
});
