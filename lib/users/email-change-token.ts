import { oneTimeLinkTokens } from "@/lib/users/one-time-link-token";

// like the registration link: a day, so a lawyer can open it from another device
export const EMAIL_CHANGE_TTL_SECONDS = 24 * 60 * 60;

const tokens = oneTimeLinkTokens("email-change", EMAIL_CHANGE_TTL_SECONDS);

export const issueEmailChangeToken = tokens.issue;
export const isEmailChangeTokenLive = tokens.isLive;
export const consumeEmailChangeToken = tokens.consume;
export const revokeEmailChangeToken = tokens.revoke;
