// `npm run teams:package`: writes teams-app/minimaatwerk.zip (manifest.json, color.png, outline.png)
// to upload in Teams (Apps → Manage your apps → Upload an app). Needs TEAMS_CLIENT_ID (the bot's
// Entra app id); the developer pages come from TEAMS_DEVELOPER_URL (see .env.example).
import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadTeamsPackageSettings, type TeamsPackageSettings } from '../src/config.js';
import { appPackage } from '../src/msteams/manifest.js';

if (existsSync('.env')) process.loadEnvFile('.env');
let settings: TeamsPackageSettings | undefined;
try {
  settings = loadTeamsPackageSettings(process.env);
} catch (e) {
  if (!(e instanceof ConfigError)) throw e;
  process.stderr.write(`teams:package: ${e.message}\n`);
  process.exitCode = 2;
}
if (settings) {
  const out = fileURLToPath(new URL('./minimaatwerk.zip', import.meta.url));
  writeFileSync(out, appPackage(settings.botId, settings.developer));
  process.stdout.write(`teams-app/minimaatwerk.zip written (bot id ${settings.botId}, developer pages ${settings.developer.websiteUrl})\n`);
  if (settings.placeholderUrls) {
    process.stdout.write('note: the developer pages are the example.org placeholders; set TEAMS_DEVELOPER_URL before publishing beyond your own tenant\n');
  }
}
