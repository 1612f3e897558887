import { oneTimeLinkTokens } from "@/lib/users/one-time-link-token";

export const PASSWORD_RESET_TTL_SECONDS = 60 * 60;

const tokens = oneTimeLinkTokens("pw-reset", PASSWORD_RESET_TTL_SECONDS);

export const issuePasswordResetToken = tokens.issue;
export const isPasswordResetTokenLive = tokens.isLive;
export const consumePasswordResetToken = tokens.consume;
