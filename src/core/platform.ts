/** Where a team's channel lives: Slack, Microsoft Teams, or the practice channel in the browser. */
export const PLATFORMS = ['slack', 'teams', 'web'] as const;
export type Platform = (typeof PLATFORMS)[number];
