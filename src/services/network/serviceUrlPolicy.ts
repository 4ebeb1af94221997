import { isLoopbackHost } from './loopback';

/**
 * Where the local Direct Line's conversations say their replies go: not a network address, so a
 * reference to one is delivered in-process and could never make the connector client call out.
 */
export const IN_PROCESS_SERVICE_URL = 'urn:dispute-assistant:local-directline';

/**
 * The Bot Framework channels' connector hosts: Azure Bot Service (public and US government clouds)
 * and Teams (public, GCC, GCC High, DoD), as botbuilder's and the Agents SDK's endpoint lists name them.
 */
const CHANNEL_HOST_SUFFIXES = ['.botframework.com', '.botframework.us', '.botframework.azure.us'];
const CHANNEL_HOSTS = new Set([
  'smba.trafficmanager.net',
  'smba.infra.gcc.teams.microsoft.com',
  'smba.infra.gov.teams.microsoft.us',
  'smba.infra.dod.teams.microsoft.us',
]);

/** Why a serviceUrl is refused, for the caller's error message; undefined when it may be called. */
export type ServiceUrlCheck = (serviceUrl: string | undefined) => string | undefined;

/**
 * The one rule for where the bot may send over HTTP: with an app id, only https to the channels' own
 * hosts; without one (development), only this machine (the Emulator). The in-process channel's
 * marker is not a URL it accepts: only that channel sets it, and its messages never go through here.
 */
export function serviceUrlCheck(options: { appIdSet: boolean }): ServiceUrlCheck {
  return (serviceUrl) => {
    let url: URL;
    try {
      url = new URL(serviceUrl ?? '');
    } catch {
      return 'serviceUrl must be an http(s) URL';
    }
    if (options.appIdSet) {
      return url.protocol === 'https:' && isChannelHost(url.hostname)
        ? undefined
        : 'serviceUrl must be https on a Bot Framework channel host';
    }
    return /^https?:$/.test(url.protocol) && isLoopbackHost(url.hostname)
      ? undefined
      : 'without MicrosoftAppId, serviceUrl must be on this machine (localhost)';
  };
}

function isChannelHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return CHANNEL_HOSTS.has(host) || CHANNEL_HOST_SUFFIXES.some((suffix) => host.endsWith(suffix));
}
