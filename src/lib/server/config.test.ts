import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to SQLite under ./data on port 3000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toMatchObject({ kind: 'sqlite' });
    expect(config.database.kind === 'sqlite' && config.database.file).toMatch(
      /data\/kraeved\.sqlite$/
    );
  });

  it('chooses PostgreSQL when DATABASE_URL is set', () => {
    const secret = 's'.repeat(32);
    expect(
      loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/kraeved', AUTH_SECRET: secret }).database
    ).toEqual({
      kind: 'postgres',
      url: 'postgres://u:p@db:5432/kraeved'
    });
  });

  it('refuses a DATABASE_URL that is not PostgreSQL with one clear line', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://localhost/db' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://localhost/db' })).toThrow(
      /DATABASE_URL must look like postgres:\/\//
    );
  });

  it('requires AUTH_SECRET with PostgreSQL, where several instances must share it', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/kraeved' })).toThrow(
      /AUTH_SECRET must be set when DATABASE_URL is set/
    );
  });

  it('refuses a port that is not a port', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT must be a number/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT must be between 1 and 65535/);
  });

  it('reads a frozen clock for browser tests', () => {
    expect(
      loadConfig({ KRAEVED_FROZEN_NOW: '2026-11-24T02:00:00Z' }).frozenNow?.toISOString()
    ).toBe('2026-11-24T02:00:00.000Z');
    expect(() => loadConfig({ KRAEVED_FROZEN_NOW: 'tomorrow' })).toThrow(/ISO instant/);
    // An empty value is no value.
    expect(loadConfig({ KRAEVED_FROZEN_NOW: '', S3_ENDPOINT: '' }).frozenNow).toBeNull();
  });
});
