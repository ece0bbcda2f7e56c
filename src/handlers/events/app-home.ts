// App Home, rebuilt each time someone opens it.

import type { Deps } from '../../app/deps.js';
import { loadHomeData } from '../../services/home/home-data.js';
import { buildHomeView } from '../../views/home-view.js';
import type { Routes } from '../routes.js';

export function registerAppHome(routes: Routes, deps: Deps): void {
  routes.homeOpened(async ({ event, client }) => {
    if (event.tab !== 'home') return;
    try {
      const data = await loadHomeData(deps.prisma, event.user, deps.clock.now());
      await client.views.publish({ user_id: event.user, view: buildHomeView(data) });
    } catch (err) {
      deps.logger.warn('App Home could not be built', { err, user: event.user });
    }
  });
}
