// Preloaded into the Prisma CLI when we run migrations. Its Wasm schema engine leaves a 10 s timer
// behind after the work is done, which keeps the CLI alive for 10 s on every start. Unref'ing
// long timers lets the process exit as soon as the real work (sockets, I/O) is finished.
const originalSetTimeout = global.setTimeout;
global.setTimeout = function setTimeoutUnrefLong(callback, ms, ...args) {
  const timer = originalSetTimeout.call(this, callback, ms, ...args);
  if (typeof ms === 'number' && ms >= 5000 && typeof timer?.unref === 'function') timer.unref();
  return timer;
};
