import fc from 'fast-check';
import { MAX_SHARED_QUESTION, redact, redactQuestion } from '../../bot/feedback/redact';

describe('names', () => {
  test.each([
    ['after mum and dad', 'Mum Priya says dad Marcus shouts at night', 'Mum [name] says dad [name] shouts at night'],
    ['after "my client", with a surname', 'my client Olu Adeyemi wants to leave', 'my client [name] wants to leave'],
    ['an initial after "my client"', 'My client K. has moved out', 'My client [name] has moved out'],
    ['after son and daughter', 'her son Kai and daughter Lola-Mae saw it', 'her son [name] and daughter [name] saw it'],
    ['after a possessive relation', "is dad's girlfriend Jodie a risk", "is dad's girlfriend [name] a risk"],
    ['after a comma', 'the child, Reuben, was present', 'the child, [name], was present'],
    ['a titled surname', 'Mr Kowalski refused entry', '[name] refused entry'],
    ['any word after "called"', 'a baby called ezra lives there', 'a baby called [name] lives there'],
  ])('%s', (_what, input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  test('keeps the policy words that follow a relation word', () => {
    for (const text of ['Should mum be referred to MARAC?', 'Dad has a DVPO, what now', 'Mum, She is frightened', 'the child The school rang about']) {
      expect(redact(text)).toBe(text);
    }
  });
});

describe('phone numbers', () => {
  test.each([
    ['a mobile with spaces', 'she rang from 07700 900461 last night'],
    ['+44 without the zero', 'number is +44 7700 900461'],
    ['+44 with (0) and a London code', 'call +44 (0)20 7946 0321 after six'],
    ['0044 and hyphens', 'try 0044-7700-900-461'],
    ['a landline in brackets', 'office (0161) 496 0742 is closed'],
    ['no spaces at all', 'text 07700900461 please'],
  ])('%s', (_what, input) => {
    const out = redact(input);
    expect(out).toContain('[phone]');
    expect(out.replace(/\D/g, '')).not.toMatch(/\d{4}/);
  });
});

test('email addresses', () => {
  expect(redact('forward it to sam.o-neill+case@example.co.uk today')).toBe('forward it to [email] today');
});

describe('dates of birth', () => {
  test.each([
    ['slashes', 'DOB 07/11/2016', 'DOB [date]'],
    ['a two-digit year', 'born 7.11.16 in hospital', 'born [date] in hospital'],
    ['words', 'born on 7th November 2016', 'born on [date]'],
    ['"of" and a short month', 'the 7th of Nov 2016 birthday', 'the [date] birthday'],
    ['month first', 'November 7, 2016 is her birthday', '[date] is her birthday'],
    ['ISO', 'd.o.b. 2016-11-07', 'd.o.b. [date]'],
    ['month and year after "date of birth"', 'date of birth: November 2016', 'date of birth: [date]'],
  ])('%s', (_what, input, expected) => {
    expect(redact(input)).toBe(expected);
  });
});

describe('postcodes and addresses', () => {
  test.each([
    ['a postcode with a space', 'moved to M14 5RL recently', 'moved to [postcode] recently'],
    ['a postcode without the space, lower case', 'near ec1a1bb station', 'near [postcode] station'],
    ['a house number and street', 'lives at 42 Wellington Road with him', 'lives at [address] with him'],
    ['a lower-case street', 'at 7a north street', 'at [address]'],
    ['an ordinary-word street type, capitalised', 'refuge near 3 Linden Close', 'refuge near [address]'],
    ['a flat number', 'she is in flat 12 now', 'she is in [address] now'],
  ])('%s', (_what, input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  test('an ordinary phrase that looks like a street is left alone', () => {
    expect(redact('they have 3 children close by')).toBe('they have 3 children close by');
  });
});

test('other long numbers (case and NHS numbers) and National Insurance numbers', () => {
  expect(redact('case ref 40019283, NHS 943 476 5919, NI QQ 12 34 56 C')).toBe('case ref [number], NHS [number], NI [number]');
});

test('a question with no identifying details comes back unchanged', () => {
  const q = 'When is a child under 12 referred to children’s services after 2 incidents in 6 months?';
  expect(redact(q)).toBe(q);
});

test('a shared question is trimmed, single-spaced and bounded', () => {
  expect(redactQuestion('  does   mum Aisha need  a DASH?  ')).toBe('does mum [name] need a DASH?');
  expect(redactQuestion('word '.repeat(300)).length).toBeLessThanOrEqual(MAX_SHARED_QUESTION);
});

/** Every maximal run of seven or more digits in a text. */
const longDigitRuns = (text: string) => text.match(/\d{7,}/g) ?? [];

test('property: no run of seven or more digits from the input survives redaction', () => {
  const digits = fc.stringMatching(/^\d{7,14}$/);
  const words = fc.constantFrom('call', 'mum', 'on', 'ref', '+44', '(0)', '-', ' ', '/', 'at', 'MARAC', 'born', '.', ',');
  const piece = fc.oneof(digits, words, fc.string({ maxLength: 6 }), fc.integer({ min: 0, max: 999 }).map(String));
  const text = fc.tuple(fc.array(piece, { maxLength: 12 }), fc.constantFrom(' ', '', '-', ' (')).map(([parts, sep]) => parts.join(sep));
  fc.assert(
    fc.property(text, (input) => {
      const out = redact(input);
      for (const run of longDigitRuns(input)) expect(out).not.toContain(run);
    }),
    { numRuns: 3000 },
  );
});
