// Who may change a request: its requester, or a team admin.
import type { Message } from '../core/messages.js';
import { refusal } from '../core/messages.js';
import { isUndecided } from '../core/request.js';
import type { RequestRow } from '../store/schema.js';
import type { Actor } from './deps.js';

/** Why `actor` may not change or close `request` now, or null when they may. */
export function mayChange(actor: Actor, request: RequestRow): Message | null {
  if (actor.id !== request.requesterId && !actor.isAdmin) return refusal.notRequester(request.id);
  if (!isUndecided(request.status)) return refusal.alreadyDecided(request.id, request.status);
  return null;
}
