import type { RequestHandler } from './$types';

/** 200 when the database answers, 503 when it does not: for load balancers and uptime checks. */
export const GET: RequestHandler = async ({ locals }) => {
  const ok = await locals.app.database.ping();
  return new Response(ok ? 'ok\n' : 'database unreachable\n', {
    status: ok ? 200 : 503,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }
  });
};
