/**
 * restify 11 reaches Node's old HTTP parser through spdy → http-deceiver, which prints a
 * DEP0111 deprecation warning at every start. It is harmless and says nothing to an operator,
 * so that one warning is dropped; every other warning still prints. Import this first.
 */
const HARMLESS = new Set(['DEP0111']);

process.removeAllListeners('warning');
process.on('warning', (warning: Error & { code?: string }) => {
  if (warning.code && HARMLESS.has(warning.code)) return;
  console.warn(`${warning.name}: ${warning.message}`);
});

export {};
