// Rebuilds and publishes one person's App Home (after something there changed, such as their absence).
import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../app/deps.js';
import { loadHomeData } from '../../services/home/home-data.js';
import { buildHomeView } from '../../views/home-view.js';

export async function publishHome(deps: Deps, client: WebClient, userId: string): Promise<void> {
  const data = await loadHomeData(deps.prisma, userId, deps.clock.now());
  await client.views.publish({ user_id: userId, view: buildHomeView(data) });
}
