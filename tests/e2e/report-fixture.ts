import { createHash } from 'node:crypto';
import path from 'node:path';
import { openDatabase } from '$lib/server/db/connection';
import { writeJson } from '$lib/server/db/json';
import { EventRepository } from '$lib/server/events/repository';
import { EventEditor } from '$lib/server/events/editor';
import { StaffRepository } from '$lib/server/auth/staff-repository';
import type { Actor } from '$lib/server/auth/access';
import { industrialHeritage } from './helpers';

/**
 * A lecture the industrial-heritage museum held on 14 March 2026 (10:00 in Khabarovsk),
 * published through the real events editor into a running test server's database, with four
 * registrations as the registration form leaves them: 2 + 5 + 1 people confirmed, one cancelled;
 * staff marked the first and the third as present. The report must say 8 registered, 3 came.
 */
export async function heldLectureWithAttendance(dataDir: string): Promise<void> {
  const database = await openDatabase({
    kind: 'sqlite',
    file: path.join(dataDir, 'kraeved.sqlite')
  });
  try {
    const db = database.db;
    const museum = await db
      .selectFrom('museums')
      .where('slug', '=', industrialHeritage.slug)
      .select('id')
      .executeTakeFirstOrThrow();
    const admin = await db
      .selectFrom('users')
      .where('email', '=', 'admin@kraeved.demo')
      .select('id')
      .executeTakeFirstOrThrow();
    const actor: Actor = {
      userId: admin.id,
      grants: [{ role: 'association_admin', museumId: null, publishing: 'publish' }]
    };
    const owner = { kind: 'museum', museumId: museum.id } as const;
    const editor = new EventEditor(
      new EventRepository(db),
      new StaffRepository(db),
      () => new Date('2026-03-01T00:00:00Z'),
      async () => []
    );
    const made = await editor.create(actor, owner, {
      slug: 'steam-lecture-2026',
      title: { ru: 'Лекция о паровозах', en: 'A lecture on steam engines' }
    });
    if (!made.ok) throw new Error(JSON.stringify(made.errors));
    const saved = await editor.save(
      actor,
      owner,
      made.id,
      {
        slug: 'steam-lecture-2026',
        kind: 'lecture',
        title: { ru: 'Лекция о паровозах', en: 'A lecture on steam engines' },
        dates: {
          kind: 'sessions',
          sessions: [{ key: 's1', date: '2026-03-14', start: '10:00', end: '11:30', capacity: 30 }]
        },
        venue: { kind: 'museum', museumId: museum.id },
        ageRating: '12+',
        registration: { enabled: true }
      },
      'publish'
    );
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    const session = await db
      .selectFrom('event_sessions')
      .where('event_id', '=', made.id)
      .select('id')
      .executeTakeFirstOrThrow();
    const people: [number, 'confirmed' | 'cancelled', number][] = [
      [2, 'confirmed', 1],
      [5, 'confirmed', 0],
      [1, 'confirmed', 1],
      [3, 'cancelled', 0]
    ];
    for (const [i, [count, status, attended]] of people.entries())
      await db
        .insertInto('registrations')
        .values({
          session_id: session.id,
          event_id: made.id,
          status,
          people: count,
          name: `Посетитель ${i + 1}`,
          email: `visitor${i + 1}@example.ru`,
          phone: '',
          school: null,
          class_name: null,
          answers: writeJson([]),
          locale: 'ru',
          consent_text: 'Согласие на обработку персональных данных',
          cancel_token_hash: createHash('sha256').update(`token-${i}`).digest('hex'),
          attended,
          created_at: '2026-03-10T00:00:00.000Z',
          confirmed_at: status === 'confirmed' ? '2026-03-10T00:00:00.000Z' : null,
          cancelled_at: status === 'cancelled' ? '2026-03-11T00:00:00.000Z' : null,
          cancelled_by: status === 'cancelled' ? 'visitor' : null
        })
        .execute();
  } finally {
    await database.close();
  }
}
