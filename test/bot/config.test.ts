import { ConfigError, loadConfig } from '../../bot/config';

const SALT = 'a-salt-of-at-least-sixteen-characters';
/** Shaped like a storage account key (base64), made up. */
const KEY = 'c2FmZWd1YXJkaW5nLXRlc3Qta2V5LW5vdC1hLXJlYWwtb25lLTAxMjM0NTY3ODk=';

describe('configuration from the environment', () => {
  test('with nothing set: local, unauthenticated, local chat on, file storage, port 3978', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3978, authDisabled: true, localChat: true, openBrowser: true, publicBaseUrl: 'http://localhost:3978' });
    expect(c.storage).toMatchObject({ kind: 'file' });
    expect(c.storage.kind === 'file' && c.storage.dir).toMatch(/\.data$/);
  });

  test('an app id turns auth on and the local chat off; turning it back on needs LOCAL_CHAT_UNSAFE', () => {
    const withId = { MicrosoftAppId: '1b4f7200-aaaa-4bbb-8ccc-0123456789ab', MicrosoftAppPassword: 'secret' };
    expect(loadConfig(withId)).toMatchObject({ authDisabled: false, localChat: false });
    expect(() => loadConfig({ ...withId, LOCAL_CHAT: 'true' })).toThrow(/LOCAL_CHAT: cannot be on with MicrosoftAppId set.*LOCAL_CHAT_UNSAFE=true/);
    expect(loadConfig({ ...withId, LOCAL_CHAT: 'true', LOCAL_CHAT_UNSAFE: 'true' }).localChat).toBe(true);
    expect(loadConfig({ LOCAL_CHAT: 'false' }).localChat).toBe(false);
  });

  test('empty values count as unset; a trailing slash on the public URL is dropped', () => {
    expect(loadConfig({ PORT: '', STORAGE: '', MicrosoftAppId: '' })).toMatchObject({ port: 3978, authDisabled: true });
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://bot.example.org/' }).publicBaseUrl).toBe('https://bot.example.org');
  });

  test('blob storage needs a connection string and a salt for its keys', () => {
    expect(() => loadConfig({ STORAGE: 'blob' })).toThrow(/BLOB_CONNECTION_STRING: is required when STORAGE=blob/);
    expect(() => loadConfig({ STORAGE: 'blob', BLOB_CONNECTION_STRING: 'UseDevelopmentStorage=true' })).toThrow(
      /STATE_KEY_SALT: is required when STORAGE=blob/,
    );
    const c = loadConfig({ STORAGE: 'blob', BLOB_CONNECTION_STRING: 'UseDevelopmentStorage=true', STATE_KEY_SALT: SALT });
    expect(c.storage).toEqual({ kind: 'blob', connectionString: 'UseDevelopmentStorage=true', container: 'bot-state' });
    expect(c.stateKeySalt).toBe(SALT);
  });

  test.each([
    ['UseDevelopmentStorage=true'],
    [`DefaultEndpointsProtocol=https;AccountName=councilbot;AccountKey=${KEY};EndpointSuffix=core.windows.net`],
    [`DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${KEY};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;`],
    ['BlobEndpoint=https://councilbot.blob.core.windows.net/;SharedAccessSignature=sv=2022-11-02&ss=b&sig=abc'],
  ])('a usable connection string is accepted: %s', (connection) => {
    expect(loadConfig({ STORAGE: 'blob', BLOB_CONNECTION_STRING: connection, STATE_KEY_SALT: SALT }).storage.kind).toBe('blob');
  });

  test.each([
    ['a word', 'hunter2-secret-value', /is not a connection string/],
    ['no protocol', `AccountName=councilbot;AccountKey=${KEY}`, /DefaultEndpointsProtocol must be https or http/],
    ['no account name', `DefaultEndpointsProtocol=https;AccountKey=${KEY};EndpointSuffix=core.windows.net`, /AccountName is missing/],
    ['a key that is not base64', 'DefaultEndpointsProtocol=https;AccountName=councilbot;AccountKey=pa55word!!;EndpointSuffix=core.windows.net', /AccountKey/],
    ['no endpoint', `DefaultEndpointsProtocol=https;AccountName=councilbot;AccountKey=${KEY}`, /EndpointSuffix \(or BlobEndpoint\) is missing/],
    ['a SAS without an endpoint', 'SharedAccessSignature=sv=2022&sig=secretsig', /needs BlobEndpoint/],
  ])('a bad connection string (%s) is named, with what is wrong, and never echoed', (_what, connection, problem) => {
    let message = '';
    try {
      loadConfig({ STORAGE: 'blob', BLOB_CONNECTION_STRING: connection, STATE_KEY_SALT: SALT });
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      message = (err as Error).message;
    }
    expect(message).toMatch(/BLOB_CONNECTION_STRING: /);
    expect(message).toMatch(problem);
    for (const secret of ['hunter2', KEY, 'secretsig', 'pa55word']) expect(message).not.toContain(secret);
  });

  test('storage breaker, salt and shutdown settings: defaults, and bad values named', () => {
    expect(loadConfig({})).toMatchObject({ storageBreaker: { failures: 3, openMs: 30000 }, shutdownTimeoutMs: 10000 });
    expect(loadConfig({}).stateKeySalt).toBeUndefined();
    expect(loadConfig({ STORAGE_BREAKER_FAILURES: '5', STORAGE_BREAKER_OPEN_MS: '2000', SHUTDOWN_TIMEOUT_MS: '0' })).toMatchObject({
      storageBreaker: { failures: 5, openMs: 2000 },
      shutdownTimeoutMs: 0,
    });
    expect(() => loadConfig({ STORAGE_BREAKER_FAILURES: '0' })).toThrow(/STORAGE_BREAKER_FAILURES: must be at least 1/);
    expect(() => loadConfig({ STORAGE_BREAKER_OPEN_MS: 'soon' })).toThrow(/STORAGE_BREAKER_OPEN_MS: must be a number of milliseconds/);
    expect(() => loadConfig({ SHUTDOWN_TIMEOUT_MS: '-1' })).toThrow(/SHUTDOWN_TIMEOUT_MS/);
    let message = '';
    try {
      loadConfig({ STATE_KEY_SALT: 'short-secret' });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/STATE_KEY_SALT: must be at least 16 characters/);
    expect(message).not.toContain('short-secret');
  });

  test('bad values are all named, and never echoed', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', STORAGE: 'floppy-disk', LOCAL_CHAT: 'perhaps', PUBLIC_BASE_URL: 'not a url secret-ish' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const name of ['PORT', 'STORAGE', 'LOCAL_CHAT', 'PUBLIC_BASE_URL']) expect(message).toContain(name);
    expect(message).not.toContain('secret-ish');
    expect(message).not.toContain('floppy-disk');
  });

  test('the bot and the Teams package read the app id by the same rule: a GUID', async () => {
    expect(() => loadConfig({ MicrosoftAppId: 'my-bot', MicrosoftAppPassword: 'secret' })).toThrow(/MicrosoftAppId: must be a GUID/);
    const { resolveConfig } = await import('../../manifest/build-manifest');
    expect(() => resolveConfig({ MicrosoftAppId: 'my-bot' })).toThrow(/MicrosoftAppId must be a GUID/);
  });

  test('an app password is required with an app id', () => {
    expect(() => loadConfig({ MicrosoftAppId: '1b4f7200-aaaa-4bbb-8ccc-0123456789ab' })).toThrow(/MicrosoftAppPassword/);
  });

  test('WORKERS: one by default; more only where state is shared (file or blob storage, local chat off)', () => {
    const shared = { LOCAL_CHAT: 'false' };
    expect(loadConfig({}).workers).toBe(1);
    expect(loadConfig({ ...shared, WORKERS: '2' }).workers).toBe(2);
    expect(loadConfig({ ...shared, WORKERS: 'auto' }).workers).toBeGreaterThanOrEqual(1);
    expect(loadConfig({ WORKERS: 'auto' }).workers).toBe(1);
    expect(loadConfig({ ...shared, STORAGE: 'memory', WORKERS: 'auto' }).workers).toBe(1);
    expect(() => loadConfig({ WORKERS: '2' })).toThrow(/WORKERS: .*local chat.*LOCAL_CHAT=false/);
    expect(() => loadConfig({ ...shared, STORAGE: 'memory', WORKERS: '2' })).toThrow(/WORKERS: .*STORAGE=memory/);
    expect(() => loadConfig({ ...shared, STORAGE: 'file', FEEDBACK_STORE: 'memory', WORKERS: '2' })).toThrow(/WORKERS: .*FEEDBACK_STORE=memory/);
    expect(loadConfig({ ...shared, FEEDBACK_STORE: 'memory', WORKERS: 'auto' }).workers).toBe(1);
    expect(() => loadConfig({ WORKERS: 'many' })).toThrow(/WORKERS: must be a whole number from 1 to 64, or auto/);
    expect(() => loadConfig({ WORKERS: '0' })).toThrow(/WORKERS: must be at least 1/);
  });
});
