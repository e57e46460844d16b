import { ConfigError, loadConfig } from '../../bot/config';

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

  test('blob storage needs a connection string', () => {
    expect(() => loadConfig({ STORAGE: 'blob' })).toThrow(/BLOB_CONNECTION_STRING: is required when STORAGE=blob/);
    expect(loadConfig({ STORAGE: 'blob', BLOB_CONNECTION_STRING: 'UseDevelopmentStorage=true' }).storage).toEqual({
      kind: 'blob',
      connectionString: 'UseDevelopmentStorage=true',
      container: 'bot-state',
    });
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
    expect(() => loadConfig({ WORKERS: 'many' })).toThrow(/WORKERS: must be a whole number from 1 to 64, or auto/);
    expect(() => loadConfig({ WORKERS: '0' })).toThrow(/WORKERS: must be at least 1/);
  });
});
