// events.once and events.on with {signal}: aborted before, aborted while waiting, and emits
// queued before the abort; EventsTest mirrors it line by line.
const { EventEmitter, once, on } = require('events');
const show = (tag, e) => console.log(tag + ':' + e.name + ':' + e.code + ':' + e.message + ':' + e.cause.message);
(async () => {
  const ee = new EventEmitter();
  try { await once(ee, 'x', { signal: AbortSignal.abort() }); } catch (e) { show('once-before', e); }
  console.log('listeners:' + ee.listenerCount('x') + ',' + ee.listenerCount('error'));
  const c2 = new AbortController();
  const p = once(ee, 'x', { signal: c2.signal });
  console.log('waiting:' + ee.listenerCount('x') + ',' + ee.listenerCount('error'));
  c2.abort(new Error('R'));
  try { await p; } catch (e) { show('once-during', e); }
  console.log('listeners:' + ee.listenerCount('x') + ',' + ee.listenerCount('error'));
  const c3 = new AbortController();
  const ok = once(ee, 'x', { signal: c3.signal });
  ee.emit('x', 7);
  console.log('resolved:' + (await ok)[0]);
  c3.abort();
  try { on(ee, 'x', { signal: AbortSignal.abort() }); } catch (e) { show('on-before', e); }
  const c4 = new AbortController();
  const it = on(ee, 'x', { signal: c4.signal });
  ee.emit('x', 1);
  console.log('first:' + (await it.next()).value[0]);
  const pending = it.next();
  c4.abort();
  try { await pending; } catch (e) { show('on-during', e); }
  const after = await it.next();
  console.log('after:' + after.done + ':' + ee.listenerCount('x'));
  const c5 = new AbortController();
  const it5 = on(ee, 'x', { signal: c5.signal });
  ee.emit('x', 2);
  c5.abort();
  console.log('queued:' + (await it5.next()).value[0]);
  try { await it5.next(); } catch (e) { console.log('then:' + e.name); }
  console.log('end:' + (await it5.next()).done);
})();
