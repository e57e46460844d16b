import {
  buildManifest,
  checkProjectRules,
  fillTemplate,
  ManifestError,
  PLACEHOLDER_APP_ID,
  readPackageVersion,
  readTemplate,
  resolveConfig,
  shippedSchemaVersions,
  validateManifest,
} from '../../manifest/build-manifest';

const BOT_ID = '1b4f7200-aaaa-4bbb-8ccc-0123456789ab';
const ENV = { MicrosoftAppId: BOT_ID, PUBLIC_BASE_URL: 'https://safeguarding-bot.example.org' };

// Loose typing on purpose: the tests poke at and break arbitrary parts of the manifest.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

function validManifest(env: NodeJS.ProcessEnv = ENV): Json {
  return buildManifest(env, { release: true }).manifest as Json;
}

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ManifestError) return error.problems;
    throw error;
  }
  throw new Error('expected a ManifestError');
}

let fetchSpy: jest.SpyInstance;
beforeAll(() => {
  // Validation must be offline: any attempt to download a schema fails the test.
  fetchSpy = jest.spyOn(globalThis, 'fetch').mockImplementation(() => Promise.reject(new Error('network access in a test')));
});
afterAll(() => fetchSpy.mockRestore());
afterEach(() => expect(fetchSpy).not.toHaveBeenCalled());

describe('the filled manifest', () => {
  it('validates against the schema shipped in @microsoft/app-manifest, with no rule errors', async () => {
    expect(await validateManifest(validManifest())).toEqual([]);
  });

  it('uses the newest schema the package ships (1.17 or later)', () => {
    const manifest = validManifest();
    const newest = shippedSchemaVersions().at(-1);
    expect(manifest.manifestVersion).toBe(newest);
    expect(Number(manifest.manifestVersion.split('.')[1])).toBeGreaterThanOrEqual(17);
    expect(manifest.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${newest}/MicrosoftTeams.schema.json`);
  });

  it('fills every placeholder from the environment', () => {
    const manifest = validManifest();
    expect(JSON.stringify(manifest)).not.toMatch(/\$\{\{/);
    expect(manifest.id).toBe(BOT_ID);
    expect(manifest.bots[0].botId).toBe(BOT_ID);
    expect(manifest.composeExtensions[0].botId).toBe(BOT_ID);
    expect(manifest.version).toBe(readPackageVersion());
    expect(manifest.name).toEqual({ short: 'Safeguarding Policy', full: 'Safeguarding Policy Assistant' });
    expect(manifest.developer.privacyUrl).toBe('https://safeguarding-bot.example.org/privacy');
  });

  it('takes overrides for the version, the Teams app id, the name suffix and the developer', () => {
    const teamsAppId = '2c5f8300-bbbb-4ccc-8ddd-0123456789ab';
    const manifest = validManifest({
      ...ENV,
      TEAMS_APP_ID: teamsAppId,
      TEAMS_APP_VERSION: '2.3.4',
      TEAMS_APP_NAME_SUFFIX: '(test)',
      TEAMS_DEVELOPER_NAME: 'Example Council',
      TEAMS_DEVELOPER_URL: 'https://www.example.gov.uk',
    });
    expect(manifest.id).toBe(teamsAppId);
    expect(manifest.bots[0].botId).toBe(BOT_ID);
    expect(manifest.version).toBe('2.3.4');
    expect(manifest.name.short).toBe('Safeguarding Policy (test)');
    expect(manifest.developer.name).toBe('Example Council');
    expect(manifest.developer.websiteUrl).toBe('https://www.example.gov.uk');
  });

  it('says it gives guidance, not decisions, and warns against identifying details', () => {
    const { description } = validManifest();
    for (const text of [description.short, description.full]) {
      expect(text).toMatch(/guidance, not decisions/i);
      expect(text).toMatch(/identifying details|identify/i);
    }
  });

  it('offers the bot in personal, team and group chat scopes, without files', () => {
    const [bot] = validManifest().bots;
    expect([...bot.scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(bot.supportsFiles).toBe(false);
  });

  it('has one command list per scope, each of at most 10 commands, and moves triage out of shared scopes', () => {
    const lists: Json[] = validManifest().bots[0].commandLists;
    const scopes = lists.flatMap((list) => list.scopes).sort();
    expect(scopes).toEqual(['groupChat', 'personal', 'team']);
    for (const list of lists) {
      expect(list.commands.length).toBeLessThanOrEqual(10);
      const titles = list.commands.map((c: Json) => c.title);
      expect(titles).toEqual(expect.arrayContaining(['help', 'triage', 'set authority', 'contacts', 'glossary', 'library']));
      if (!list.scopes.includes('personal')) {
        const triage = list.commands.find((c: Json) => c.title === 'triage');
        expect(triage.description).toMatch(/personal chat/);
      }
    }
  });

  it('has a searchPolicy query message extension that runs initially', () => {
    const [extension] = validManifest().composeExtensions;
    expect(extension.commands).toHaveLength(1);
    const [command] = extension.commands;
    expect(command).toMatchObject({ id: 'searchPolicy', type: 'query', title: 'Search policy', initialRun: true });
    expect([...command.context].sort()).toEqual(['commandBox', 'compose']);
    expect(command.parameters.map((p: Json) => p.name)).toEqual(['query']);
  });

  it('pins the Library, Contacts and Pathways tabs on the public base URL, plus chat and about', () => {
    const tabs: Json[] = validManifest().staticTabs;
    const byId = Object.fromEntries(tabs.map((tab) => [tab.entityId, tab]));
    expect(Object.keys(byId)).toEqual(['conversations', 'library', 'contacts', 'pathways', 'about']);
    expect(byId.library).toMatchObject({ name: 'Library', contentUrl: 'https://safeguarding-bot.example.org/tab/library' });
    expect(byId.contacts.contentUrl).toBe('https://safeguarding-bot.example.org/tab/contacts');
    expect(byId.pathways.contentUrl).toBe('https://safeguarding-bot.example.org/tab/pathways');
    for (const tab of tabs) expect(tab.scopes).toEqual(['personal']);
  });

  it('lists the app domain in validDomains', () => {
    expect(validManifest().validDomains).toEqual(['safeguarding-bot.example.org']);
    const withPort = validManifest({ ...ENV, PUBLIC_BASE_URL: 'https://bot.example.org:8443/assistant/' });
    expect(withPort.validDomains).toEqual(['bot.example.org']);
    expect(withPort.staticTabs[1].contentUrl).toBe('https://bot.example.org:8443/assistant/tab/library');
  });
});

describe('a broken manifest fails with the schema errors', () => {
  const broken = (mutate: (m: Json) => void): Json => {
    const manifest = structuredClone(validManifest());
    mutate(manifest);
    return manifest;
  };

  it('reports a missing bot id', async () => {
    const errors = await validateManifest(broken((m) => delete m.bots[0].botId));
    expect(errors).toEqual(expect.arrayContaining([expect.stringMatching(/^schema: \/bots\/0 must have required property 'botId'/)]));
  });

  it('reports a bot id that is not a GUID', async () => {
    const errors = await validateManifest(broken((m) => (m.bots[0].botId = 'my-bot')));
    expect(errors).toEqual(expect.arrayContaining([expect.stringMatching(/^schema: \/bots\/0\/botId must match pattern/)]));
  });

  it('reports 11 commands in a list (the project limit for older clients)', async () => {
    const errors = await validateManifest(
      broken((m) => {
        const commands = m.bots[0].commandLists[0].commands;
        while (commands.length < 11) commands.push({ title: `extra ${commands.length}`, description: 'x' });
      }),
    );
    // Schema 1.30 allows 12, so this one is ours.
    expect(errors).toEqual([expect.stringMatching(/^rule: \/bots\/0\/commandLists\/0\/commands has 11 commands/)]);
  });

  it('reports 13 commands in a list (over the schema limit)', async () => {
    const errors = await validateManifest(
      broken((m) => {
        const commands = m.bots[0].commandLists[0].commands;
        while (commands.length < 13) commands.push({ title: `extra ${commands.length}` });
      }),
    );
    expect(errors).toEqual(expect.arrayContaining([expect.stringMatching(/^schema: \/bots\/0\/commandLists\/0\/commands must NOT have more than 12 items/)]));
  });

  it('reports a version that is not MAJOR.MINOR.PATCH', async () => {
    for (const version of ['1.0', 'v1.0.0', '1.0.0-beta']) {
      const errors = await validateManifest(broken((m) => (m.version = version)));
      expect(errors).toEqual([expect.stringMatching(/^rule: \/version .* must be MAJOR\.MINOR\.PATCH/)]);
    }
  });

  it('reports unknown properties, wrong types and missing required fields together', async () => {
    const errors = await validateManifest(
      broken((m) => {
        m.colour = 'blue';
        m.composeExtensions[0].commands[0].initialRun = 'yes';
        delete m.developer.privacyUrl;
      }),
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^schema: \(root\) must NOT have additional properties.*colour/),
        expect.stringMatching(/^schema: \/composeExtensions\/0\/commands\/0\/initialRun must be boolean/),
        expect.stringMatching(/^schema: \/developer must have required property 'privacyUrl'/),
      ]),
    );
  });

  it('reports a manifestVersion with no shipped schema', async () => {
    const errors = await validateManifest(broken((m) => (m.manifestVersion = '1.18')));
    expect(errors).toEqual([expect.stringMatching(/^schema: No schema for manifestVersion 1\.18 ships/)]);
  });

  it('reports a tab URL outside validDomains and a scope with no command list', () => {
    const manifest = broken((m) => {
      m.validDomains = ['other.example.org'];
      m.bots[0].commandLists.pop();
    });
    expect(checkProjectRules(manifest)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^rule: \/staticTabs\/1\/contentUrl host safeguarding-bot\.example\.org is not in validDomains/),
        'rule: the bot scope "groupChat" has no commandLists entry',
      ]),
    );
  });
});

describe('the packaging environment', () => {
  it('uses a placeholder app id and localhost, with warnings, for a local package', async () => {
    const { manifest, warnings } = buildManifest({});
    expect(manifest.id).toBe(PLACEHOLDER_APP_ID);
    expect(manifest.validDomains).toEqual(['localhost']);
    expect(warnings).toEqual([expect.stringMatching(/MicrosoftAppId is not set/), expect.stringMatching(/PUBLIC_BASE_URL is not set/)]);
    expect(await validateManifest(manifest)).toEqual([]);
  });

  it('allows http://localhost with a warning, but not another http host', () => {
    const { warnings } = resolveConfig({ ...ENV, PUBLIC_BASE_URL: 'http://localhost:3978' });
    expect(warnings).toEqual([expect.stringMatching(/http:\/\/localhost:3978\/: fine for local checks/)]);
    expect(problemsOf(() => resolveConfig({ ...ENV, PUBLIC_BASE_URL: 'http://bot.example.org' }))).toEqual([
      expect.stringMatching(/PUBLIC_BASE_URL must use https/),
    ]);
  });

  it('rejects a MicrosoftAppId that is not a GUID, listing every bad variable', () => {
    const problems = problemsOf(() => resolveConfig({ MicrosoftAppId: 'safeguarding-bot', PUBLIC_BASE_URL: 'ftp://x', TEAMS_PRIVACY_URL: 'http://x.org/p' }));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^MicrosoftAppId must be a GUID/),
        expect.stringMatching(/^PUBLIC_BASE_URL must be an http\(s\):\/\/ URL/),
        expect.stringMatching(/^TEAMS_PRIVACY_URL must be an https:\/\/ URL/),
      ]),
    );
  });

  it('refuses placeholders and localhost for a release package', () => {
    expect(problemsOf(() => resolveConfig({}, { release: true }))).toEqual([
      expect.stringMatching(/MicrosoftAppId is required/),
      expect.stringMatching(/PUBLIC_BASE_URL is required/),
    ]);
    expect(problemsOf(() => resolveConfig({ ...ENV, PUBLIC_BASE_URL: 'http://localhost:3978' }, { release: true }))).toEqual([
      expect.stringMatching(/must be a public https URL for a release package/),
    ]);
    expect(problemsOf(() => resolveConfig({ ...ENV, MicrosoftAppId: PLACEHOLDER_APP_ID }, { release: true }))).toEqual([
      expect.stringMatching(/MicrosoftAppId is required/),
    ]);
  });

  it('rejects a package.json version Teams would not accept unless overridden', () => {
    expect(problemsOf(() => resolveConfig(ENV, { packageVersion: '1.0.0-rc.1' }))).toEqual([
      expect.stringMatching(/"1\.0\.0-rc\.1" must be MAJOR\.MINOR\.PATCH.*TEAMS_APP_VERSION/),
    ]);
    expect(resolveConfig({ ...ENV, TEAMS_APP_VERSION: '1.0.1' }, { packageVersion: '1.0.0-rc.1' }).values.APP_VERSION).toBe('1.0.1');
  });

  it('rejects an unknown placeholder in the template', () => {
    const { values } = resolveConfig(ENV);
    const template = { ...(readTemplate() as Json), accentColor: '${{ACCENT}}' };
    expect(problemsOf(() => fillTemplate(template, values))).toEqual(['The template uses an unknown placeholder ${{ACCENT}}']);
  });
});
