import crypto from 'node:crypto';
import type { DataSource } from 'typeorm';
import type Redis from 'ioredis';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Config } from '../../config';
import { inTransaction } from '../../db/transaction';
import { sqlDate } from '../../db/columns';
import { badInput, rateLimited, unauthenticated } from '../../graphql/errors';
import type { ShopService } from '../shops/shop.service';
import { MerchantEntity } from './merchant.entity';
import { SessionEntity } from './session.entity';
import { hashPassword, passwordProblem, timingDummyHash, verifyPassword } from './password';
import { failureLimiter } from './failure-limiter';

export const SESSION_COOKIE = 'ks_session';
const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export interface NewSession {
  merchant: MerchantEntity;
  sessionId: string;
  expiresAt: Date;
}

/** Merchant accounts and their server-side sessions. */
export class AuthService {
  /** Failed sign-ins per email and per client address; success does not count. */
  private readonly failuresByEmail: RateLimiterAbstract;
  private readonly failuresByIp: RateLimiterAbstract;

  constructor(
    private readonly ds: DataSource,
    private readonly config: Config,
    private readonly shops: ShopService,
    redis?: Redis,
  ) {
    this.failuresByEmail = failureLimiter(redis, 'signin-email', config.authRateLimitPoints, 15 * 60);
    this.failuresByIp = failureLimiter(redis, 'signin-ip', config.authRateLimitPoints * 10, 15 * 60);
  }

  async signUp(emailRaw: string, password: string, shopName: string): Promise<NewSession> {
    const email = normalizeEmail(emailRaw);
    const problem = passwordProblem(password);
    if (problem) throw badInput('password', problem);
    const passwordHash = await hashPassword(password, this.config.bcryptCost);
    try {
      return await inTransaction(this.ds, async (em) => {
        if (await em.existsBy(MerchantEntity, { email })) throw badInput('email', 'An account with this email already exists.');
        const merchant = em.create(MerchantEntity, { id: crypto.randomUUID(), email, passwordHash, createdAt: new Date() });
        await em.insert(MerchantEntity, merchant);
        await this.shops.createInTransaction(em, merchant.id, { name: shopName.trim() });
        return { merchant, ...(await this.createSession(em, merchant.id)) };
      });
    } catch (e) {
      // Two sign-ups racing for one email: the unique index decides, the loser gets the same answer.
      if (isUniqueViolation(e)) throw badInput('email', 'An account with this email already exists.');
      throw e;
    }
  }

  async signIn(emailRaw: string, password: string, ip: string): Promise<NewSession> {
    const email = normalizeEmail(emailRaw);
    await this.checkNotLimited(email, ip);
    const merchant = await this.ds.getRepository(MerchantEntity).findOneBy({ email });
    const ok = merchant
      ? await verifyPassword(password, merchant.passwordHash)
      : await verifyPassword(password, await timingDummyHash(this.config.bcryptCost)).then(() => false);
    if (!merchant || !ok) {
      await Promise.all([this.failuresByEmail.penalty(email), this.failuresByIp.penalty(ip)]);
      // Same message for an unknown email and a wrong password.
      throw unauthenticated('Email or password is incorrect.');
    }
    await this.failuresByEmail.delete(email);
    return { merchant, ...(await this.createSession(this.ds.manager, merchant.id)) };
  }

  async signOut(sessionIdHash: string): Promise<void> {
    await this.ds.getRepository(SessionEntity).delete({ idHash: sessionIdHash });
  }

  /** The merchant behind a session cookie, or null when it is unknown or expired. */
  async merchantForSession(sessionId: string): Promise<{ merchantId: string; sessionIdHash: string } | null> {
    const idHash = sha256(sessionId);
    const row = await this.ds
      .getRepository(SessionEntity)
      .createQueryBuilder('s')
      .where('s.id_hash = :idHash AND s.expires_at > :now', { idHash, now: sqlDate(new Date()) })
      .getOne();
    return row ? { merchantId: row.merchantId, sessionIdHash: idHash } : null;
  }

  async findMerchant(merchantId: string): Promise<MerchantEntity | null> {
    return this.ds.getRepository(MerchantEntity).findOneBy({ id: merchantId });
  }

  private async createSession(em: DataSource['manager'], merchantId: string) {
    const sessionId = crypto.randomBytes(32).toString('base64url');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.config.sessionTtlHours * 3600_000);
    await em.insert(SessionEntity, { idHash: sha256(sessionId), merchantId, createdAt: now, expiresAt });
    return { sessionId, expiresAt };
  }

  private async checkNotLimited(email: string, ip: string): Promise<void> {
    const [byEmail, byIp] = await Promise.all([this.failuresByEmail.get(email), this.failuresByIp.get(ip)]);
    for (const [res, limit] of [
      [byEmail, this.config.authRateLimitPoints],
      [byIp, this.config.authRateLimitPoints * 10],
    ] as const) {
      if (res && res.consumedPoints >= limit) throw rateLimited(Math.ceil(res.msBeforeNext / 1000));
    }
  }
}

export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; driverError?: { code?: string } };
  const code = err?.driverError?.code ?? err?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
