import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('has working defaults: embedded SQLite, port 4000, demo seed on', () => {
    const c = loadConfig({});
    expect(c.port).toBe(4000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.sqlitePath).toMatch(/data[/\\]keysmith\.sqlite$/);
    expect(c.demoSeed).toBe(true);
    expect(c.cookieSecure).toBe(false);
  });
  it.each([
    [{ PORT: 'abc' }, /PORT must be an integer/],
    [{ DATABASE_URL: 'postgres://x/y' }, /DATABASE_URL must start with mysql:/],
    [{ BCRYPT_COST: '4' }, /BCRYPT_COST must be an integer between 10 and 15/],
    [{ COOKIE_SECURE: 'maybe' }, /COOKIE_SECURE must be true or false/],
    [{ NODE_ENV: 'staging' }, /NODE_ENV must be one of/],
  ])('stops with one line naming the variable: %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
  it('turns Secure cookies on in production and off demo data with MySQL', () => {
    const c = loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'mysql://root@localhost/test' });
    expect(c.cookieSecure).toBe(true);
    expect(c.demoSeed).toBe(false);
  });
});
