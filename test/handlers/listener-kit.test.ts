// The listener kit: one private-reply shape, and one answer per error class (with the right log level).
import { WebAPIRateLimitedError } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { CalendarInputError } from '../../src/domain/calendar/index.js';
import { answerFailures, privateReply, viewAnswers } from '../../src/handlers/shared/listener-kit.js';
import { MeetingChangeError } from '../../src/services/meetings/manage-meetings.js';
import { ProgramNotConfiguredError } from '../../src/services/program-settings.js';
import { MESSAGES } from '../../src/views/messages.js';
import { recordingLogger } from '../helpers/recording-logger.js';

async function answered(err: unknown) {
  const { logger, lines } = recordingLogger();
  const said: string[] = [];
  await answerFailures(
    { logger },
    'test',
    async (t) => void said.push(t),
    async () => {
      throw err;
    },
  );
  return { said, levels: lines.map((l) => l.level) };
}

describe('answerFailures', () => {
  it('answers each error class with its own sentence, and logs by class', async () => {
    expect(await answered(new CalendarInputError('"2026-13-45" is not a date'))).toEqual({
      said: ['"2026-13-45" is not a date'],
      levels: ['info'],
    });
    expect(await answered(new MeetingChangeError({ kind: 'time_in_past' }))).toEqual({
      said: [MESSAGES.meetingChangeRefused({ kind: 'time_in_past' })],
      levels: ['info'],
    });
    expect((await answered(new ProgramNotConfiguredError())).said).toEqual([MESSAGES.noProgram]);
    expect(await answered({ code: 'slack_webapi_platform_error', data: { error: 'expired_trigger_id' } })).toEqual({
      said: [MESSAGES.formExpired],
      levels: ['warn'],
    });
    expect(await answered(new WebAPIRateLimitedError(30))).toEqual({ said: [MESSAGES.slackBusy], levels: ['warn'] });
    expect(await answered(new TypeError('x is undefined'))).toEqual({
      said: [MESSAGES.somethingWentWrong],
      levels: ['error'],
    });
  });
  it('never lets a failing answer escape; it logs it', async () => {
    const { logger, lines } = recordingLogger();
    const failingAnswer = async () => {
      throw new Error('response_url expired');
    };
    await expect(
      answerFailures({ logger }, 'test', failingAnswer, async () => {
        throw new Error('boom');
      }),
    ).resolves.toBeUndefined();
    expect(lines.map((l) => l.level)).toEqual(['error', 'warn']);
  });
});

describe('privateReply', () => {
  it('answers ephemerally without replacing the message that had the button', async () => {
    const sent: unknown[] = [];
    const reply = privateReply(async (m) => {
      sent.push(m);
      return new Response();
    });
    await reply('hello');
    await reply({ text: 'fallback', blocks: [{ type: 'divider' }] });
    expect(sent).toEqual([
      { response_type: 'ephemeral', replace_original: false, text: 'hello' },
      { response_type: 'ephemeral', replace_original: false, text: 'fallback', blocks: [{ type: 'divider' }] },
    ]);
  });
});

describe('viewAnswers', () => {
  it('acks a view submission once: a failure after the ack is not answered a second time', async () => {
    const acks: unknown[] = [];
    const answer = viewAnswers(async (r) => void acks.push(r));
    await answer.ack();
    await answer.fail('late failure');
    expect(acks).toEqual([undefined]);
    const fresh = viewAnswers(async (r) => void acks.push(r));
    await fresh.fail('early failure');
    expect(acks[1]).toMatchObject({ response_action: 'update', view: { type: 'modal' } });
  });
});
