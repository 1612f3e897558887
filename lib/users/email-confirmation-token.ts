import { oneTimeLinkTokens } from "@/lib/users/one-time-link-token";

// a day: registration is often finished at the office and the mail opened at home
export const EMAIL_CONFIRMATION_TTL_SECONDS = 24 * 60 * 60;

const tokens = oneTimeLinkTokens("email-confirm", EMAIL_CONFIRMATION_TTL_SECONDS);

export const issueEmailConfirmationToken = tokens.issue;
export const isEmailConfirmationTokenLive = tokens.isLive;
export const consumeEmailConfirmationToken = tokens.consume;
