import type { KraevedMigration } from './types';
import * as museums from './2026-11-22T1400-museums';

/** Every migration in order. Never edit one that has landed; add a new one. */
export const migrations: Record<string, KraevedMigration> = {
  '2026-11-22T1400-museums': museums
};
