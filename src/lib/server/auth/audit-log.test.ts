import { describe, expect, it } from 'vitest';
import { readAuditQuery } from './audit-log';

describe('readAuditQuery', () => {
  it('takes the filters and the page from the URL', () => {
    const { query, errors } = readAuditQuery(
      new URLSearchParams(
        'museum=4&person=u-1&action=publish&from=2026-11-01&until=2026-11-22&before=120'
      )
    );
    expect(query).toEqual({
      museumId: 4,
      userId: 'u-1',
      action: 'publish',
      from: '2026-11-01',
      until: '2026-11-22',
      before: 120
    });
    expect(errors).toEqual({});
  });

  it('reports a malformed or impossible date beside its field, and does not apply it', () => {
    const { query, errors, values } = readAuditQuery(
      new URLSearchParams('from=22.11.2026&until=2026-02-30')
    );
    expect(errors).toEqual({ from: 'date', until: 'date' });
    expect(query).toEqual({});
    expect(values.from).toBe('22.11.2026');
  });

  it('refuses an end before the start', () => {
    const { query, errors } = readAuditQuery(
      new URLSearchParams('from=2026-11-22&until=2026-11-01')
    );
    expect(errors).toEqual({ until: 'range' });
    expect(query).toEqual({ from: '2026-11-22' });
  });

  it('drops an unknown action and a nonsense page', () => {
    const { query } = readAuditQuery(new URLSearchParams('action=drop-table&before=-3&museum=x'));
    expect(query).toEqual({});
  });
});
