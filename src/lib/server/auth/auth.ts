import { betterAuth } from 'better-auth';
import { hash, verify } from '@node-rs/argon2';
import type { Database } from '../db/connection';

export interface AuthOptions {
  database: Database;
  /** The public address, e.g. https://museums.example.ru; links in e-mails start with it. */
  baseURL: string;
  secret: string;
  /** Sends the e-mail with the link that sets a new password. */
  sendPasswordReset: (to: { email: string; name: string }, url: string) => Promise<void>;
}

/** The header the app sets from the socket's address, so a client cannot choose its own IP. */
export const clientAddressHeader = 'x-kraeved-client-ip';

const stamps = { createdAt: 'created_at', updatedAt: 'updated_at' } as const;

/** argon2id (the library's default) with its default cost: 19 MiB, 2 passes. */
export const hashPassword = (password: string) => hash(password);

/**
 * Staff sign-in with better-auth: e-mail and password (argon2id), sessions in the database,
 * rate limits on sign-in and reset. Nobody signs up: accounts come from invitations.
 */
export function createAuth(options: AuthOptions) {
  return betterAuth({
    baseURL: options.baseURL,
    basePath: '/api/auth',
    secret: options.secret,
    database: { db: options.database.auth.db, type: options.database.auth.type },
    telemetry: { enabled: false },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 10,
      maxPasswordLength: 200,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      password: {
        hash: hashPassword,
        verify: ({ hash: stored, password }) => verify(stored, password)
      },
      sendResetPassword: ({ user, url }) => options.sendPasswordReset(user, url)
    },
    session: {
      modelName: 'sessions',
      expiresIn: 60 * 60 * 24 * 30,
      updateAge: 60 * 60 * 24,
      fields: {
        ...stamps,
        userId: 'user_id',
        expiresAt: 'expires_at',
        ipAddress: 'ip_address',
        userAgent: 'user_agent'
      }
    },
    user: { modelName: 'users', fields: { ...stamps, emailVerified: 'email_verified' } },
    account: {
      modelName: 'accounts',
      fields: {
        ...stamps,
        userId: 'user_id',
        accountId: 'account_id',
        providerId: 'provider_id',
        accessToken: 'access_token',
        refreshToken: 'refresh_token',
        idToken: 'id_token',
        accessTokenExpiresAt: 'access_token_expires_at',
        refreshTokenExpiresAt: 'refresh_token_expires_at'
      }
    },
    verification: { modelName: 'verifications', fields: { ...stamps, expiresAt: 'expires_at' } },
    rateLimit: {
      enabled: true,
      storage: 'database',
      modelName: 'rate_limits',
      fields: { lastRequest: 'last_request' },
      window: 60,
      max: 100,
      customRules: {
        '/sign-in/email': { window: 60, max: 5 },
        '/request-password-reset': { window: 300, max: 3 }
      }
    },
    advanced: {
      ipAddress: { ipAddressHeaders: [clientAddressHeader] },
      useSecureCookies: options.baseURL.startsWith('https://'),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' }
    }
  });
}

export type Auth = ReturnType<typeof createAuth>;
