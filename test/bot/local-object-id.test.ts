import { loadConfig } from '../../bot/config';
import { localObjectId } from '../../bot/local-chat';

/** The Entra object id a local chat user stands in with (local mode only). */

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('is a GUID with the version 5 and RFC 4122 variant bits', () => {
  for (const id of ['local-0123456789abcdef', 'local-a', 'local-' + 'f'.repeat(58)]) expect(localObjectId(id)).toMatch(GUID);
});

test('is the same every time for the same local user id', () => {
  expect(localObjectId('local-0123456789abcdef')).toBe(localObjectId('local-0123456789abcdef'));
  expect(localObjectId('local-0123456789abcdef')).toBe('908b0eee-4943-5f32-8200-a0ad5680fcaf');
});

test('differs between local user ids', () => {
  const ids = Array.from({ length: 200 }, (_, i) => localObjectId(`local-${i.toString(16).padStart(16, '0')}`));
  expect(new Set(ids).size).toBe(ids.length);
});

test('is accepted by CHAMPION_IDS', () => {
  const id = localObjectId('local-0123456789abcdef');
  expect(loadConfig({ STORAGE: 'memory', CHAMPION_IDS: id }).championIds).toEqual([id]);
});
