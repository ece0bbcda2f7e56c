// App Home, rebuilt each time someone opens it.
import type { App } from '@slack/bolt';
import type { Deps } from '../../app/deps.js';
import { loadHomeData } from '../../services/home/home-data.js';
import { buildHomeView } from '../../views/home-view.js';

export function registerAppHome(app: App, deps: Deps): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    try {
      const data = await loadHomeData(deps.prisma, event.user, deps.clock.now());
      await client.views.publish({ user_id: event.user, view: buildHomeView(data) });
    } catch (err) {
      deps.logger.warn('App Home could not be built', { err, user: event.user });
    }
  });
}
