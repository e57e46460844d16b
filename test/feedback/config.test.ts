import { join } from 'node:path';
import { loadConfig, type ConfigError } from '../../bot/config';
import { projectRoot } from '../../knowledge/paths';

const problems = (env: Record<string, string>) => {
  try {
    loadConfig(env);
    return [];
  } catch (err) {
    return (err as ConfigError).problems;
  }
};

test('feedback goes to memory beside memory state, and to files under STORAGE_DIR otherwise', () => {
  expect(loadConfig({ STORAGE: 'memory' }).feedback).toEqual({ kind: 'memory' });
  expect(loadConfig({ STORAGE_DIR: 'var/state' }).feedback).toEqual({ kind: 'file', dir: join(projectRoot, 'var/state/feedback') });
  expect(loadConfig({ FEEDBACK_STORE: 'file', FEEDBACK_DIR: 'elsewhere' }).feedback).toEqual({ kind: 'file', dir: join(projectRoot, 'elsewhere') });
});

test('the table store needs a usable connection string, and the table name must be valid', () => {
  expect(problems({ FEEDBACK_STORE: 'table' })).toEqual(['FEEDBACK_TABLE_CONNECTION_STRING: is required when FEEDBACK_STORE=table']);
  const secret = 'AccountName=hushhush';
  const refused = problems({ FEEDBACK_STORE: 'table', FEEDBACK_TABLE_CONNECTION_STRING: secret });
  expect(refused).toHaveLength(1);
  expect(refused.join(' ')).not.toContain('hushhush');
  expect(problems({ FEEDBACK_TABLE_NAME: '1-bad' })[0]).toMatch(/^FEEDBACK_TABLE_NAME: must be a valid Azure table name/);
  expect(loadConfig({ FEEDBACK_STORE: 'table', FEEDBACK_TABLE_CONNECTION_STRING: 'UseDevelopmentStorage=true' }).feedback).toEqual({
    kind: 'table',
    connectionString: 'UseDevelopmentStorage=true',
    table: 'feedback',
  });
});

test('CHAMPION_IDS is a list of Entra object ids, kept in lower case', () => {
  const id = '5D0C6A4E-2F1B-4C3D-9E8F-A1B2C3D4E5F6';
  expect(loadConfig({ CHAMPION_IDS: ` ${id} ,` }).championIds).toEqual([id.toLowerCase()]);
  expect(loadConfig({}).championIds).toEqual([]);
  expect(problems({ CHAMPION_IDS: 'not-an-id' })[0]).toMatch(/^CHAMPION_IDS/);
});

test('the champions channel needs both its conversation id and service URL; role and question days have defaults', () => {
  expect(loadConfig({}).champion).toEqual({ roleLabel: 'Domestic abuse champion', questionDays: 14 });
  expect(problems({ CHAMPIONS_CONVERSATION_ID: '19:abc@thread.tacv2' })).toEqual([
    'CHAMPIONS_SERVICE_URL: is required when the other CHAMPIONS_ variable is set (the champions channel needs both)',
  ]);
  expect(problems({ CHAMPIONS_SERVICE_URL: 'https://smba.trafficmanager.net/uk/' })[0]).toMatch(/^CHAMPIONS_CONVERSATION_ID: is required/);
  expect(problems({ CHAMPIONS_SERVICE_URL: 'not a url', CHAMPIONS_CONVERSATION_ID: 'x' })[0]).toMatch(/^CHAMPIONS_SERVICE_URL: must be an http/);
  expect(problems({ CHAMPION_QUESTION_DAYS: '0' })[0]).toMatch(/^CHAMPION_QUESTION_DAYS: must be at least 1/);
  const set = loadConfig({
    CHAMPIONS_CONVERSATION_ID: '19:abc@thread.tacv2',
    CHAMPIONS_SERVICE_URL: 'https://smba.trafficmanager.net/uk/',
    CHAMPION_ROLE_LABEL: 'Family safeguarding lead',
    CHAMPION_QUESTION_DAYS: '30',
  }).champion;
  expect(set).toEqual({
    channel: { conversationId: '19:abc@thread.tacv2', serviceUrl: 'https://smba.trafficmanager.net/uk' },
    roleLabel: 'Family safeguarding lead',
    questionDays: 30,
  });
});
