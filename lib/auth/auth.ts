import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Role, VerificationStatus } from "@/lib/generated/prisma/enums";
import { clientIpFrom } from "@/lib/request-ip";
import { createSession, getSessionByToken, revokeSession, SESSION_ABSOLUTE_SECONDS } from "@/lib/auth/session-store";
import { usesSecureCookies } from "@/lib/auth/session-cookie";
import { loadSessionUser } from "@/lib/auth/session-user";
import { recordSignIn } from "@/lib/security/record-sign-in";
import { cancelAccountDeletion } from "@/lib/kvkk/request-account-deletion";
import { authenticateWithPassword } from "@/lib/users/authenticate-with-password";
import { consumeRegistrationTicket } from "@/lib/users/registration-ticket";
import { hasTwoFactor } from "@/lib/two-factor/check-second-factor";
import { startSecondFactor } from "@/lib/two-factor/second-factor-ticket";

declare module "next-auth" {
  interface Session {
    sessionId: string;
    user: { id: string; role: Role; verified: boolean; verification: VerificationStatus } & DefaultSession["user"];
  }
}

declare module "@auth/core/jwt" {
  // server-side only: Auth.js never sends the JWT payload to the browser, only what `session` returns
  interface JWT {
    sessionToken?: string;
    sessionHandle?: string;
    userAgent?: string;
    ip?: string;
  }
}

/** Thrown from `authorize` when login is rate limited; the code carries the seconds to wait. */
class LoginRateLimited extends CredentialsSignin {
  constructor(retryAfterSeconds: number) {
    super();
    this.code = `rate_limited_${retryAfterSeconds}`;
  }
}

/** Thrown from `authorize` after the right password of an account with two-step login (lib/two-factor/). */
export class SecondFactorRequired extends CredentialsSignin {
  code = "second_factor";
}

// Auth.js's Credentials provider only works with the "jwt" strategy. We keep that strategy but make the
// "token" an opaque session id: encode creates the Redis record, decode looks it up. The cookie carries
// nothing else, and deleting the record ends the session at the next request.
export const { handlers, signIn, signOut } = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  trustHost: true,
  useSecureCookies: usesSecureCookies(),
  session: { strategy: "jwt", maxAge: SESSION_ABSOLUTE_SECONDS },
  pages: { signIn: "/giris" },
  providers: [
    Credentials({
      credentials: { email: { label: "E-posta" }, password: { label: "Şifre", type: "password" }, registrationTicket: {} },
      async authorize(credentials, request) {
        const ip = clientIpFrom(request.headers);
        const registered = await consumeRegistrationTicket(credentials.registrationTicket);
        if (registered) {
          const user = await db.user.findUnique({ where: { id: registered }, select: { id: true, email: true, fullName: true } });
          if (user) {
            // a ticket from registration (the log's first entry: later sign-ins are compared with it) or from the
            // second login step (lib/two-factor/complete-second-factor.ts)
            await recordSignIn(user.id, { ip, userAgent: request.headers.get("user-agent") ?? "" });
            await cancelAccountDeletion(user.id, { ip, userAgent: request.headers.get("user-agent") ?? "" });
            return { id: user.id, email: user.email, name: user.fullName, userAgent: request.headers.get("user-agent") ?? "", ip };
          }
        }
        const result = await authenticateWithPassword(credentials, { ip, userAgent: request.headers.get("user-agent") ?? "" });
        if (result.ok && (await hasTwoFactor(result.user.id))) {
          // no session yet: the browser gets a ticket for the code step (/giris/iki-adim) and nothing else
          await startSecondFactor(result.user.id);
          throw new SecondFactorRequired();
        }
        if (result.ok) {
          await recordSignIn(result.user.id, { ip, userAgent: request.headers.get("user-agent") ?? "" });
          // a login during the grace period keeps the account (lib/kvkk/request-account-deletion.ts)
          await cancelAccountDeletion(result.user.id, { ip, userAgent: request.headers.get("user-agent") ?? "" });
          return {
            id: result.user.id,
            email: result.user.email,
            name: result.user.fullName,
            userAgent: request.headers.get("user-agent") ?? "",
            ip,
          };
        }
        if (result.reason === "rate_limited") throw new LoginRateLimited(result.retryAfterSeconds);
        return null;
      },
    }),
  ],
  jwt: {
    async encode({ token }) {
      if (token?.sessionToken) return token.sessionToken;
      if (!token?.sub) throw new Error("session without a user");
      return createSession({ userId: token.sub, userAgent: token.userAgent, ip: token.ip });
    },
    async decode({ token }) {
      const session = await getSessionByToken(token, { touch: true });
      return session ? { sub: session.userId, sessionToken: token, sessionHandle: session.id } : null;
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const signedIn = user as typeof user & { userAgent?: string; ip?: string };
        return { sub: signedIn.id, userAgent: signedIn.userAgent, ip: signedIn.ip };
      }
      return token;
    },
    // Auth.js's own /api/auth/session; the app's pages read the session in lib/auth/current-user.ts
    async session({ session, token }) {
      const user = token.sub ? await loadSessionUser(token.sub) : null;
      if (!user || !token.sessionHandle) throw new Error("session user no longer exists");
      return { ...session, sessionId: token.sessionHandle, user };
    },
  },
  events: {
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (token?.sessionHandle && token.sub) await revokeSession(token.sub, token.sessionHandle);
    },
  },
  logger: {
    // a revoked or expired session and a wrong password are expected outcomes, not server errors
    error(error) {
      const type = (error as { type?: string }).type;
      if (type === "JWTSessionError" || type === "CredentialsSignin") return;
      console.error(error);
    },
  },
}));
