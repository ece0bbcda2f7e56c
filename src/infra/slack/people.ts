// Asks Slack whether a user id is a person who can own work: not a bot, not deactivated, known.
// The answer is a plain code; services decide what it means and views word it.
import type { WebClient } from '@slack/web-api';

export type PersonCheck = 'ok' | 'bot' | 'deactivated' | 'unknown';

export interface PeopleDirectory {
  checkPerson(userId: string): Promise<PersonCheck>;
}

export function slackPeopleDirectory(client: WebClient): PeopleDirectory {
  return {
    async checkPerson(userId) {
      try {
        const res = await client.users.info({ user: userId });
        if (res.user?.is_bot || res.user?.id === 'USLACKBOT') return 'bot';
        if (res.user?.deleted) return 'deactivated';
        return 'ok';
      } catch {
        return 'unknown';
      }
    },
  };
}
