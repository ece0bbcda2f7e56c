/** The public site's front page under the published folder's base URL (ending in "/"). */
export function siteUrlOf(baseUrl: string): string {
  return new URL('site/index.html', baseUrl).href;
}
