// `npm run teams:package`: writes teams-app/minimaatwerk.zip (manifest.json, color.png, outline.png)
// to upload in Teams (Apps → Manage your apps → Upload an app). Bot id: TEAMS_CLIENT_ID or a placeholder.
import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { appPackage, PLACEHOLDER_BOT_ID } from '../src/msteams/manifest.js';

if (existsSync('.env')) process.loadEnvFile('.env');
const botId = process.env.TEAMS_CLIENT_ID || PLACEHOLDER_BOT_ID;
const out = fileURLToPath(new URL('./minimaatwerk.zip', import.meta.url));
writeFileSync(out, appPackage(botId));
process.stdout.write(`teams-app/minimaatwerk.zip written (bot id ${botId === PLACEHOLDER_BOT_ID ? 'placeholder: set TEAMS_CLIENT_ID' : botId})\n`);
