// The behaviour suite on Teams: JWT-signed activities into the real Teams SDK app, the Bot Connector double.
import { TeamsDriver } from '../support/drivers/teams.js';
import { behaviour } from './suite.js';

behaviour('teams', () => TeamsDriver.start());
