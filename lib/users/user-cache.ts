import { invalidate } from "@/lib/cache";

/**
 * Cache namespace of everything shown about or to one lawyer: their profile page, their panel, their card on
 * job pages. Bumped by every write that changes one of those.
 */
export const userNamespace = (userId: string) => `user:${userId}`;

/** After a write that changes what these users' pages show. Never throws. */
export function invalidateUsers(userIds: string[]): Promise<void> {
  return invalidate({ namespaces: [...new Set(userIds)].map(userNamespace) });
}
