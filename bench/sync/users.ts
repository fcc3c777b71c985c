/** The bench's users, created by bench/sync/server.ts. */
export const BENCH_USER = { username: 'bench', password: 'bench-password' };
export const BIG_USER = { username: 'bench-big', password: 'bench-password' };
