// The Teams app package: manifest.json, two icons (rendered from SVG), zipped without dependencies.
import { crc32, deflateRawSync } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';

const MANIFEST_VERSION = '1.19';

/** Shown in the app's details in Teams; from TEAMS_DEVELOPER_* (src/config.ts loadTeamsPackageSettings). */
export interface Developer {
  name: string;
  websiteUrl: string;
  privacyUrl: string;
  termsOfUseUrl: string;
}

const command = (title: string, description: string) => ({ title, description });

/** What the bot understands in a team channel (src/app/commands.ts parseCommand) and in the 1:1 chat. */
export const TEAM_COMMANDS = [
  command('aanvraag', 'Een nieuwe aanvraag doen / Make a new request'),
  command('help', 'Zo werkt het / How it works'),
  command('budget', 'Het jaarbudget van het team tonen of instellen / Show or set the annual budget'),
  command('overzicht', 'Je aanvragen, wat op jouw akkoord wacht en het budget / Your requests, approvals and budget'),
  command('digest', 'Het maandoverzicht, bijv. digest 2026-10 / The monthly digest, e.g. digest 2026-10'),
  command('digest-kanaal', 'Kanaal voor het maandoverzicht van dit team kiezen / Choose the channel for the digest'),
  command('categorie', 'Categorieën tonen of beheren / List or manage categories'),
  command('signaal', 'Een signaal starten of bijwerken, bijv. signaal nieuw mondzorg / Start or update a signal'),
  command('signalen', 'Open signalen, hun stand en effect / Open signals, their status and effect'),
] as const;
export const PERSONAL_COMMANDS = [
  command('overzicht', 'Je aanvragen, wat op jouw akkoord wacht en het budget / Your requests, approvals and budget'),
  command('digest', 'Het maandoverzicht, bijv. digest 2026-10 / The monthly digest, e.g. digest 2026-10'),
  command('signalen', 'Open signalen, hun stand en effect / Open signals, their status and effect'),
  command('help', 'Zo werkt het / How it works'),
] as const;

export function manifest(botId: string, developer: Developer, version = '0.1.0', validDomain?: string): object {
  return {
    $schema: `https://developer.microsoft.com/en-us/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`,
    manifestVersion: MANIFEST_VERSION,
    version,
    id: botId,
    developer: { name: developer.name, websiteUrl: developer.websiteUrl, privacyUrl: developer.privacyUrl, termsOfUseUrl: developer.termsOfUseUrl },
    name: { short: 'minimaatwerk', full: 'minimaatwerk: het minimaatwerkbudget van het team' },
    description: {
      short: 'Kleine aanvragen uit het teambudget, goedgekeurd door drie collega’s.',
      full: 'Een teamlid vraagt een kleine uitgave in natura aan (onder € 500) in het teamkanaal; drie collega’s (niet de aanvrager) keuren goed met Akkoord of 👍; de betaling aan de leverancier wordt vastgelegd en gecategoriseerd. / A team member requests a small in-kind spend; three colleagues approve; the payment to the supplier is recorded.',
    },
    icons: { color: 'color.png', outline: 'outline.png' },
    accentColor: '#1F6F5C',
    bots: [
      {
        botId,
        scopes: ['team', 'personal'],
        supportsFiles: false,
        isNotificationOnly: false,
        commandLists: [
          { scopes: ['team'], commands: TEAM_COMMANDS },
          { scopes: ['personal'], commands: PERSONAL_COMMANDS },
        ],
      },
    ],
    permissions: ['identity', 'messageTeamMembers'],
    validDomains: validDomain ? [validDomain] : [],
    // Reading the team roster (who may approve) needs this resource-specific consent.
    authorization: { permissions: { resourceSpecific: [{ name: 'TeamMember.Read.Group', type: 'Application' }] } },
  };
}

const ICON_SVG = (size: number, outline: boolean) => `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 32 32">
${outline ? '' : '<rect width="32" height="32" rx="6" fill="#1F6F5C"/>'}
<path d="M7 17l5 5 13-13" fill="none" stroke="${outline ? '#FFFFFF' : '#FFFFFF'}" stroke-width="${outline ? 3 : 3.5}" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;

/** color.png 192x192 (full colour) and outline.png 32x32 (white on transparent), as Teams requires. */
export function icons(): { color: Buffer; outline: Buffer } {
  const render = (size: number, outline: boolean) => Buffer.from(new Resvg(ICON_SVG(size, outline), { fitTo: { mode: 'width', value: size } }).render().asPng());
  return { color: render(192, false), outline: render(32, true) };
}

/** A minimal ZIP (deflate) writer: enough for the three files of an app package. */
export function zip(files: { name: string; data: Buffer }[], date = new Date(Date.UTC(2026, 0, 1))): Buffer {
  const dosTime = ((date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2)) & 0xffff;
  const dosDate = (((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate()) & 0xffff;
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8');
    const compressed = deflateRawSync(f.data);
    const crc = crc32(f.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(f.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(f.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

export function appPackage(botId: string, developer: Developer, version?: string): Buffer {
  const { color, outline } = icons();
  return zip([
    { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest(botId, developer, version), null, 2)) },
    { name: 'color.png', data: color },
    { name: 'outline.png', data: outline },
  ]);
}
