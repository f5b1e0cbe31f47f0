import { describe, expect, it } from 'vitest';
import {
  actions,
  can,
  requireAccess,
  NotFoundOrForbidden,
  type Action,
  type Actor,
  type Target
} from './access';

const own = 7;
const other = 8;

const people: Record<string, Actor> = {
  'association admin': {
    userId: 'a',
    grants: [{ role: 'association_admin', museumId: null, publishing: 'publish' }]
  },
  'museum admin': {
    userId: 'm',
    grants: [{ role: 'museum_admin', museumId: own, publishing: 'publish' }]
  },
  'editor (review)': {
    userId: 'e',
    grants: [{ role: 'museum_editor', museumId: own, publishing: 'review' }]
  },
  'editor (may publish)': {
    userId: 'p',
    grants: [{ role: 'museum_editor', museumId: own, publishing: 'publish' }]
  },
  'no role': { userId: 'n', grants: [] }
};

const targets: Record<string, Target> = {
  'own museum': { kind: 'museum', museumId: own },
  'other museum': { kind: 'museum', museumId: other },
  association: { kind: 'association' }
};

// Y = allowed. Columns: own museum, other museum, association — for each person.
const expected: Record<Action, Record<string, string>> = {
  'museum.create': {
    'association admin': 'YYY',
    'museum admin': '---',
    'editor (review)': '---',
    'editor (may publish)': '---',
    'no role': '---'
  },
  'museum.read-drafts': {
    'association admin': 'YYY',
    'museum admin': 'Y--',
    'editor (review)': 'Y--',
    'editor (may publish)': 'Y--',
    'no role': '---'
  },
  'museum.edit': {
    'association admin': 'YYY',
    'museum admin': 'Y--',
    'editor (review)': 'Y--',
    'editor (may publish)': 'Y--',
    'no role': '---'
  },
  'museum.publish': {
    'association admin': 'YYY',
    'museum admin': 'Y--',
    'editor (review)': '---',
    'editor (may publish)': 'Y--',
    'no role': '---'
  },
  'museum.review': {
    'association admin': 'YYY',
    'museum admin': 'Y--',
    'editor (review)': '---',
    'editor (may publish)': '---',
    'no role': '---'
  },
  'staff.list': {
    'association admin': 'YYY',
    'museum admin': 'Y--',
    'editor (review)': 'Y--',
    'editor (may publish)': 'Y--',
    'no role': '---'
  },
  'staff.invite-admin': {
    'association admin': 'YYY',
    'museum admin': '---',
    'editor (review)': '---',
    'editor (may publish)': '---',
    'no role': '---'
  },
  'staff.invite-editor': {
    'association admin': 'YYY',
    'museum admin': 'Y--',
    'editor (review)': '---',
    'editor (may publish)': '---',
    'no role': '---'
  },
  'staff.change-role': {
    'association admin': 'YYY',
    'museum admin': 'Y--',
    'editor (review)': '---',
    'editor (may publish)': '---',
    'no role': '---'
  },
  'association.edit': {
    'association admin': 'YYY',
    'museum admin': '---',
    'editor (review)': '---',
    'editor (may publish)': '---',
    'no role': '---'
  },
  'audit.read': {
    'association admin': 'YYY',
    'museum admin': 'Y--',
    'editor (review)': '---',
    'editor (may publish)': '---',
    'no role': '---'
  },
  'media.manage': {
    'association admin': 'YYY',
    'museum admin': 'Y--',
    'editor (review)': 'Y--',
    'editor (may publish)': 'Y--',
    'no role': '---'
  },
  'mail.read': {
    'association admin': 'YYY',
    'museum admin': '---',
    'editor (review)': '---',
    'editor (may publish)': '---',
    'no role': '---'
  },
  'jobs.manage': {
    'association admin': 'YYY',
    'museum admin': '---',
    'editor (review)': '---',
    'editor (may publish)': '---',
    'no role': '---'
  },
  'registrations.read': {
    'association admin': 'YYY',
    'museum admin': 'Y--',
    'editor (review)': 'Y--',
    'editor (may publish)': 'Y--',
    'no role': '---'
  },
  'registrations.manage': {
    'association admin': 'YYY',
    'museum admin': 'Y--',
    'editor (review)': 'Y--',
    'editor (may publish)': 'Y--',
    'no role': '---'
  }
};

describe('access', () => {
  it('matches the expected table for every action, role and target', () => {
    const actual: Record<string, Record<string, string>> = {};
    for (const action of actions) {
      actual[action] = {};
      for (const [person, actor] of Object.entries(people)) {
        actual[action][person] = Object.values(targets)
          .map((target) => (can(actor, action, target) ? 'Y' : '-'))
          .join('');
      }
    }
    expect(actual).toEqual(expected);
  });

  it('says "not found or no access" for another museum, so ids leak nothing', () => {
    expect(() =>
      requireAccess(people['museum admin']!, 'museum.edit', targets['other museum']!)
    ).toThrow(NotFoundOrForbidden);
    expect(() => requireAccess(null, 'museum.edit', targets['own museum']!)).toThrow(
      'not found or no access'
    );
  });
});
