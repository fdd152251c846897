// The floor for the HTTP benchmarks: a Bolt app in the same harness as the bot (child process,
// HTTP receiver, processBeforeResponse: true, the same clientOptions) that does the least a Slack
// app can do: reaction events are only acked; the slash command acks and calls views.open; a
// view submission acks and posts a message. Started by bench/http.ts with the bot's environment.
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';

const env = process.env;
const apiUrl = env.SLACK_API_URL ?? '';
const receiver = new HTTPReceiver({ signingSecret: env.SLACK_SIGNING_SECRET ?? '', processBeforeResponse: true, logLevel: LogLevel.ERROR });
const app = new App({
  token: env.SLACK_BOT_TOKEN ?? 'xoxb-bench',
  receiver,
  processBeforeResponse: true,
  logLevel: LogLevel.ERROR,
  clientOptions: {
    ...(apiUrl ? { slackApiUrl: apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/` } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 10_000,
  },
});

for (const type of ['reaction_added', 'reaction_removed'] as const) {
  app.event(type, async () => {});
}

app.command('/minimaatwerk', async ({ ack, client, command }) => {
  await ack();
  await client.views.open({ trigger_id: command.trigger_id, view: { type: 'modal', callback_id: 'request_submit', title: { type: 'plain_text', text: 'Aanvraag' }, blocks: [] } });
});

app.view('request_submit', async ({ ack, client, view }) => {
  await ack();
  const meta = JSON.parse(view.private_metadata || '{}') as { channelId?: string };
  await client.chat.postMessage({ channel: meta.channelId ?? 'C0', text: 'Aanvraag' });
});

await app.start(Number(env.PORT ?? 0));
const stop = () => void app.stop().finally(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
