/** National clouds: the Graph endpoint and the Entra authority host of each. */

export const CLOUDS = {
  Global: { graph: 'https://graph.microsoft.com', authority: 'https://login.microsoftonline.com' },
  USGov: { graph: 'https://graph.microsoft.us', authority: 'https://login.microsoftonline.us' },
  USGovDoD: { graph: 'https://dod-graph.microsoft.us', authority: 'https://login.microsoftonline.us' },
  China: { graph: 'https://microsoftgraph.chinacloudapi.cn', authority: 'https://login.chinacloudapi.cn' },
} as const;

export type CloudName = keyof typeof CLOUDS;

export const CLOUD_NAMES = Object.keys(CLOUDS) as CloudName[];

export function isCloudName(name: string): name is CloudName {
  return Object.hasOwn(CLOUDS, name);
}

/** The cloud's base URL for a description whose server is `defaultBaseUrl` (keeps the API version). */
export function cloudBaseUrl(cloud: CloudName, defaultBaseUrl: string): string {
  const version = new URL(defaultBaseUrl).pathname.replace(/\/$/, '');
  return `${CLOUDS[cloud].graph}${version}`;
}

/** The `.default` scope of the cloud's Graph resource. */
export function defaultScope(cloud: CloudName): string {
  return `${CLOUDS[cloud].graph}/.default`;
}
