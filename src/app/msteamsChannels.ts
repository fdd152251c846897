// Microsoft Teams channels as teams: the Bot Connector endpoint (serviceUrl) the bot sends through is
// stored only from an authenticated Bot Framework activity and only for Microsoft's documented
// Teams service hosts; once stored, another host never replaces it (a token for another tenant
// once made the bot call an attacker's URL with its Bot Connector token).
import type { Store, Tx } from '../store/db.js';
import type { Team } from '../store/schema.js';
import { anyServiceUrl, setTeamEndpoint, teamByChannel } from '../store/teams.js';
import type { AppDeps } from './deps.js';
import { teamOf, type ChannelRef } from './team.js';

/** Microsoft's Teams Bot Connector hosts: public cloud, GCC, GCC High, DoD. */
export const TEAMS_SERVICE_HOSTS: readonly string[] = [
  'smba.trafficmanager.net',
  'smba.infra.gcc.teams.microsoft.com',
  'smba.infra.gov.teams.microsoft.us',
  'smba.infra.dod.teams.microsoft.us',
];

/** Whether a service URL may be stored and called: https on an allowed host (tests add their loopback double). */
export function allowedServiceUrl(url: string, allowedHosts: readonly string[] = TEAMS_SERVICE_HOSTS): boolean {
  try {
    const u = new URL(url);
    // Plain http only for a loopback host a test put in the list.
    const loopback = u.protocol === 'http:' && (u.hostname === '127.0.0.1' || u.hostname === 'localhost');
    return allowedHosts.includes(u.host) && (u.protocol === 'https:' || loopback);
  } catch {
    return false;
  }
}

export type EndpointChange = 'stored' | 'kept' | 'refused_host' | 'refused_change';

function remember(tx: Tx, team: Team, serviceUrl: string, tenantId: string, allowedHosts: readonly string[]): EndpointChange {
  if (!serviceUrl || !allowedServiceUrl(serviceUrl, allowedHosts)) return 'refused_host';
  if (team.serviceUrl === serviceUrl && (team.tenantId ?? '') === tenantId) return 'kept';
  if (team.serviceUrl && new URL(team.serviceUrl).host !== new URL(serviceUrl).host) return 'refused_change';
  setTeamEndpoint(tx, team.id, serviceUrl, tenantId || team.tenantId);
  return 'stored';
}

/** A Teams channel seen in an authenticated activity: its team (created with Teams' defaults) and endpoint. */
export function registerTeamsChannel(
  deps: Pick<AppDeps, 'store' | 'clock'>,
  ref: ChannelRef,
  info: { serviceUrl: string; tenantId: string; name: string },
  allowedHosts: readonly string[] = TEAMS_SERVICE_HOSTS,
): { team: Team; endpoint: EndpointChange } {
  const now = deps.clock.now();
  return deps.store.tx((tx) => {
    const team = teamOf(tx, ref, now, info.name);
    const endpoint = remember(tx, team, info.serviceUrl, info.tenantId, allowedHosts);
    return { team: endpoint === 'stored' ? teamByChannel(tx, 'teams', ref.channelId)! : team, endpoint };
  });
}

/** Where to send to a Teams channel: its own team's endpoint, else (a digest channel) any team's of the tenant. */
export function teamsEndpoint(deps: { store: Pick<Store, 'db'> }, channelId: string): { serviceUrl: string; tenantId: string | null } | null {
  const own = teamByChannel(deps.store.db, 'teams', channelId);
  if (own?.serviceUrl) return { serviceUrl: own.serviceUrl, tenantId: own.tenantId };
  const any = anyServiceUrl(deps.store.db, 'teams');
  return any ? { serviceUrl: any, tenantId: own?.tenantId ?? null } : null;
}

/** The stored name of a team's channel (Teams shows names, never ids), or null. */
export function channelNameOf(deps: { store: Pick<Store, 'db'> }, platform: ChannelRef['platform'], channelId: string): string | null {
  return teamByChannel(deps.store.db, platform, channelId)?.name || null;
}
