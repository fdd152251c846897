// The behaviour suite on Slack: signed HTTP into the real Bolt app, the Web API double.
import { SlackDriver } from '../support/drivers/slack.js';
import { behaviour } from './suite.js';

behaviour('slack', () => SlackDriver.start());
