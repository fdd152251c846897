// The Bot Connector calls the bot makes: the SDK's ApiClient behind it in production, a double in tests.
export interface Connector {
  create(serviceUrl: string, conversationId: string, activity: object): Promise<{ id: string }>;
  update(serviceUrl: string, conversationId: string, activityId: string, activity: object): Promise<void>;
  /** Create (or get back) the 1:1 conversation of the bot with one person. */
  createPersonal(serviceUrl: string, tenantId: string, userId: string): Promise<{ id: string }>;
  /** Whether the bot can read the conversation (it is installed there): a one-member roster page. */
  canReach(serviceUrl: string, conversationId: string): Promise<boolean>;
}
