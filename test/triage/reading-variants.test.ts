import { readIndicators } from '../../knowledge/triage';
import { knowledge, readIds, run } from './helpers';

/** How practitioners actually write: terse notes, abbreviations, brackets, contractions. */
const facts = (text: string) => readIndicators(knowledge(), text).facts;
/** One test per wording: the description reads as the indicator. */
const readsAs = (cases: [text: string, id: string][]) =>
  it.each(cases)('%s -> %s', (text, id) => {
    expect(readIds(text)).toContain(id);
  });

describe('ages as practitioners write them', () => {
  it.each([
    ['Kids (10 and 13) asleep upstairs.', [10, 13]],
    ['Kids 4 and 8.', [4, 8]],
    ['Children 8 and 11. He is still at home.', [8, 11]],
    ['kids 5 + 8', [5, 8]],
    ['Kids 2, 5 and 14.', [2, 5, 14]],
    ['Kids 1 and 4 in the house.', [1, 4]],
    ['in front of their daughter (9)', [9]],
    ['Yr 10 pupil (14) says', [14]],
    ['Teen son (15) regularly hitting mum. Younger sister is 8.', [8, 13, 15]],
    ['Baby 6 wks old.', [0, 0.12]],
    ['a 9 month old', [0.75]],
    ['3 yr old disclosed it', [3]],
    ['2 children, primary age', [4]],
    ['Pupil R.T (Y6, 10) was quiet today.', [10]],
    ['Flat 4: ch 9 and 12 at home.', [9, 12]],
    ['ds (2) was in the cot.', [2]],
  ])('%s', (text, ages) => {
    expect(facts(text).childAges).toEqual(ages);
  });

  it('a number after a child noun that is not an age is not read as one', () => {
    expect(facts('The kids 3 times a week go to nan.').childAges).toEqual([]);
    expect(facts('Kids 2 days a week at dad.').childAges).toEqual([]);
  });

  it('a wanted or lost baby is not a baby in the household', () => {
    expect(facts('Her partner wants her to have another baby.').childAges).toEqual([]);
    expect(facts('He wants a baby with her.').childAges).toEqual([]);
  });

  it('adults in brackets are not children', () => {
    expect(facts('Mum (19) and dad (20). bf (22).').childAges).toEqual([]);
  });
});

describe('counts', () => {
  it.each([
    ['3rd DA call-out this yr to the same address.', 3],
    ['neighbours have called police twice about shouting', 2],
    ['Police have been out 4 times since Christmas.', 4],
    ['Several DA call outs to the address', 3],
  ])('%s', (text, n) => {
    expect(facts(text).policeNotifications).toBe(n);
  });

  it('a time after "called the police" is not a count', () => {
    expect(facts('She called the police 2 weeks ago.').policeNotifications).toBeUndefined();
  });

  it.each([
    ['DASH done - 15.', 15],
    ['DASH 16.', 16],
    ['DASH completed: 19', 19],
  ])('%s', (text, n) => {
    expect(facts(text).dashScore).toBe(n);
  });
});

describe('negation and scope', () => {
  it.each([
    ['Police not involved.', 'police-involvement'],
    ['No injuries seen, no assault.', 'minor-injury'],
    ['Mum denies any violence.', 'physical-violence'],
    ['Not currently pregnant.', 'pregnancy'],
    ['Not in immediate danger - she has left.', 'immediate-danger'],
    ["She says her partner doesn't hit her.", 'physical-violence'],
  ])('%s -> no %s', (text, id) => {
    expect(readIds(text)).not.toContain(id);
  });

  it('"separated amicably 2 yrs ago" is not a recent separation; "split lip" is not a separation', () => {
    expect(readIds('Mum and dad separated amicably 2 yrs ago.')).not.toContain('separation');
    expect(readIds('She had a split lip.')).not.toContain('separation');
    expect(readIds('They separated last week.')).toContain('separation');
  });

  it('punching a door is damage, not an assault; "a bit controlling" is not a bite', () => {
    const ids = readIds('He smashed the TV and punched a door. Nobody hurt.');
    expect(ids).toContain('property-damage');
    expect(ids).not.toContain('serious-physical-violence');
    expect(ids).not.toContain('physical-violence');
    expect(readIds('Partner can be a bit controlling with money.')).not.toContain('physical-violence');
  });

  it('throwing things round the house is damage; throwing things at her is violence', () => {
    expect(readIds('He has thrown stuff round the house.')).not.toContain('physical-violence');
    expect(readIds('She has thrown things at him twice.')).toContain('physical-violence');
  });

  it('threatening to kill himself is a suicide threat, not a threat to kill her', () => {
    const ids = readIds('He has been threatening to kill himself if she leaves.');
    expect(ids).toContain('suicidal-thoughts');
    expect(ids).not.toContain('threats-to-kill');
  });

  it('acronyms that are also words are matched only in capitals', () => {
    expect(readIds('Husband wants to send their daughter abroad.')).not.toContain('child-special-needs');
    expect(readIds('The youngest has SEND and an EHCP.')).toContain('child-special-needs');
  });
});

describe('immediacy', () => {
  it.each([
    "He's outside the flat now banging on the door.",
    'Mum says she is currently barricaded in the bedroom with the baby.',
    "Dad is currently sitting in his car outside mum's house.",
    'Her ex is trying to break the door down now.',
    'Right now he is outside with a knife.',
  ])('%s', (text) => {
    expect(facts(text).immediateDanger).toBe(true);
  });

  it.each([
    "Mum and kids safe right now at her sister's.",
    'The incident happened last month; no incidents since.',
    'Her ex was outside the house yesterday evening shouting.',
    'Mum is at her home with the children.',
    'Mum told me just now that he hit her last week.',
  ])('not now: %s', (text) => {
    expect(facts(text).immediateDanger).toBe(false);
  });
});

describe('positions of trust', () => {
  it.each([
    ['Volunteer football coach (U11s) cautioned for assaulting his partner.', 'football coach'],
    ["Mum's partner works as a nursery worker.", 'nursery worker'],
    ["Youth club volunteer (mum's partner) was arrested for strangling mum.", 'youth club volunteer'],
    ["Mum's ex-partner, who is a PE teacher at a local secondary, sent her threatening texts.", 'teacher'],
  ])('%s', (text, role) => {
    expect(facts(text).positionOfTrust?.toLowerCase()).toBe(role);
  });

  it('the professional told is not the person causing harm', () => {
    expect(facts('Mum disclosed to midwife that her p/c kicked her.').positionOfTrust).toBeUndefined();
    expect(facts('Mum told her GP that her husband hit her.').positionOfTrust).toBeUndefined();
    expect(facts('School nurse concern re 12yo girl - she says dad hit mum.').positionOfTrust).toBeUndefined();
  });
});

describe('variants of the matrix indicators', () => {
  readsAs([
    ["dad 'grabbed mum by the throat'", 'strangulation'],
    ['mum had marks on her neck', 'strangulation'],
    ['kids (4, 9) woke up and came downstairs crying', 'child-witnessed-distressed'],
    ["3 yr old disclosed 'daddy hit me when he was hitting mummy'", 'child-hurt'],
    ['he texts her 50+ times a day', 'intense-stalking'],
    ['he broke the non-mol last month', 'breach-of-orders'],
    ["the family have 'promised' her to a cousin in Pakistan", 'forced-marriage'],
    ['pressuring her to send their 15yo daughter back home to get married', 'forced-marriage'],
    ['arrested for ABH on mum', 'serious-physical-violence'],
    ["says she 'fell', explanation doesn't fit", 'implausible-injury-explanation'],
    ['partner answers all questions for her', 'culture-faith-control'],
    ["won't let her have her own money", 'economic-abuse'],
    ["took her car keys and phone so she couldn't leave the house", 'intense-control'],
    ['Teen son (15) regularly hitting mum', 'apva'],
    ['her 14 yo son has pushed her over twice', 'apva'],
    ["15 yr old daughter disclosed her mum's boyfriend touched her inappropriately", 'child-sexual-abuse'],
    ["Mum asking if she can find out about her new bf's past", 'dvds-concern'],
    // third round (r-set): FGM euphemism, reported speech about a child, drink, age as "X, 82", self-referral
    ['taking her back home to see an aunt who does the cutting for the girls', 'fgm'],
    ['the boy has now told his teacher that step-dad also hits him with a belt', 'child-hurt'],
    ['Girl (14) said dad slaps her when she comes home late', 'child-hurt'],
    ["daddy hurts mummy when he's had beer", 'substance-misuse'],
    ['Grandmother, 82, lives alone', 'older-victim'],
    ['her adult son takes her pension', 'older-victim'],
    ['Dad rang asking for help - says he lost his temper', 'perpetrator-seeks-help'],
    ['he threatened her with a box cutter', 'weapon'],
    ['Teenager of 15 told her tutor that her boyfriend (17) tracks her location', 'young-teen-own-relationship'],
    ["she is ringing from the neighbour's flat - he is still inside with the baby and he has a knife", 'immediate-danger'],
    ['Neighbour ringing now: screaming from next door, banging still going on', 'immediate-danger'],
  ]);

  it('young people in their own relationships: 16-17, and under 16', () => {
    expect(readIds('16 y/o girl told school her 19yo boyfriend pushed her into a wall.')).toContain('young-person-own-relationship');
    expect(readIds('Teenage daughter (14) has an older bf (22), mum thinks he is hitting her.')).toContain('young-teen-own-relationship');
    // The teenager's mother's partner is not the teenager's own partner.
    const ids = readIds("14-year-old boy says his mum's boyfriend hit him.");
    expect(ids).not.toContain('young-teen-own-relationship');
    expect(ids).not.toContain('young-person-own-relationship');
    expect(readIds('Mum left an abusive relationship 5 yrs ago.')).not.toContain('young-person-own-relationship');
  });
});

describe('decisions that follow', () => {
  it('one police notification is graded by what happened (scale 2), two or more are scale 3', () => {
    expect(run('sutton', 'Police notification: verbal argument, no assault, no injuries seen. Kids (10 and 13) asleep upstairs.').pathway).toBe('early-help');
    const twice = run('sutton', 'Police have been called out twice for verbal arguments. Kids 10 and 13.');
    expect(twice.level).toBeGreaterThanOrEqual(3);
    expect(twice.reasons.some((r) => r.citations.length > 0 && /two or more police/i.test(r.text))).toBe(true);
  });

  it('a child under 16 abused by their own partner is child protection', () => {
    const r = run('camden', 'Teenage daughter (14) has an older bf (22), mum thinks he is hitting her.');
    expect(r.pathway).toBe('child-protection');
    expect(r.referrals.map((x) => x.id)).toContain('strategy-meeting');
  });

  it('a 16-17 year old in Lambeth is accepted at MARAC', () => {
    const r = run('lambeth', '17 y/o mum with a 6 month old, her bf (19) slaps her and has taken her phone off her.');
    expect(r.referrals.map((x) => x.id)).toEqual(expect.arrayContaining(['marac', 'specialist-service']));
  });

  it('Stoke-on-Trent tells the police about a suspected assault (injury with an implausible explanation)', () => {
    const r = run('stoke-on-trent', "Mum has bruising to her arms and says she 'fell', explanation doesn't fit. 7 month old baby.");
    expect(r.referrals.map((x) => x.id)).toContain('police');
  });

  it('third-round readings do not over-reach', () => {
    expect(readIds('Court proceedings are currently ongoing and mum says the abuse is still going on. Kids 8 and 10.')).not.toContain('immediate-danger');
    expect(readIds('Mum is ringing now to ask about a school place.')).not.toContain('immediate-danger');
    expect(readIds('he threatened her with a box cutter')).not.toContain('fgm');
    expect(readIds("Mum's son (14) said that his stepdad hits her when he is angry.")).not.toContain('child-hurt');
    expect(readIds('Wife hits him with a belt when she is angry.')).not.toContain('child-hurt');
    expect(readIds('He pushed her and she is asking for help to leave.')).not.toContain('perpetrator-seeks-help');
    expect(readIds('Mum went out and had drinks with friends.')).not.toContain('substance-misuse');
  });

  it('a baby due in March is unborn, not a baby in the household', () => {
    const f = facts('A baby due in March. Her partner has convictions for assaulting his ex.');
    expect(f.unborn).toBe(true);
    expect(f.childAges).toEqual([]);
  });

  it('a safe-right-now family is not an emergency', () => {
    expect(run('camden', "Mum and kids safe right now at her sister's. Last night p/c punched her. Kids 6 & 9.").pathway).not.toBe('emergency');
  });
});

describe('fourth-round readings (u-set): indirect violence, threats, sexual abuse, pregnancy, school years', () => {
  readsAs([
    ["Her ex said he'd end her if she took the kids.", 'threats-to-kill'],
    ['Last month he told her no one would ever find her body.', 'threats-to-kill'],
    ['He says nobody would find her again.', 'threats-to-kill'],
    ["Her husband makes her do things in the bedroom she doesn't want to do.", 'sexual-assault'],
    ["He forces himself on her when he's had a drink.", 'sexual-assault'],
    ['He gets rough with her in bed.', 'sexual-assault'],
    ["He won't take no for an answer.", 'sexual-assault'],
    ["A 7 year old told his teacher that daddy hurt mummy's neck.", 'strangulation'],
    ["He held her down on the sofa and she couldn't breathe.", 'strangulation'],
    ['She nearly passed out when he grabbed her neck.', 'strangulation'],
    ['He put her head through the door last night.', 'serious-physical-violence'],
    ['Dad came home drunk and started on mum.', 'physical-violence'],
    ['The eldest got thrown against the wardrobe.', 'physical-violence'],
    ['Her boyfriend makes her send pictures.', 'sexual-exploitation'],
    ['Year 9 pupil says her boyfriend hit her.', 'young-teen-own-relationship'],
    ['Mum is 8 months along.', 'pregnancy'],
    ['She is 20 weeks gone.', 'pregnancy'],
    ['Mum has a small bump now.', 'pregnancy'],
    ['Mum is expecting twins.', 'pregnancy'],
    ['Expecting her first baby in March.', 'pregnancy'],
  ]);

  it('pregnancy in other words is an unborn child, even where no children live there yet', () => {
    expect(facts('No children live with them yet; she is 20 weeks gone.').unborn).toBe(true);
    expect(run('staffordshire', 'He had his hands round her throat. No children live with them yet; she is 20 weeks gone.').pathway).toBe('child-protection');
  });

  it('school years read as ages (Year N is N+4 at the youngest)', () => {
    expect(facts('Year 9 pupil says her boyfriend hit her.').childAges).toEqual([13]);
    expect(facts('Her son is in year 3.').childAges).toEqual([7]);
    expect(facts('Last year 9 incidents were reported.').childAges).toEqual([]);
  });

  it('fourth-round readings do not over-reach', () => {
    expect(readIds('He said he would end the relationship.')).not.toContain('threats-to-kill');
    expect(readIds('He went for a walk to calm down.')).not.toContain('physical-violence');
    expect(readIds("She had an asthma attack and couldn't breathe.")).not.toContain('strangulation');
    expect(readIds('He has left marks on her arms.')).not.toContain('separation');
    expect(readIds('The toddler has a bump on his head.')).not.toContain('pregnancy');
    expect(facts('The toddler has a bump on his head.').unborn).toBeFalsy();
    expect(facts('Mum has been working with child protection services.').unborn).toBeFalsy();
    expect(readIds('Mum started on her new job on Monday.')).not.toContain('physical-violence');
  });
});

describe('being locked in, whoever the note names', () => {
  it.each([
    'Last month dad locked mum in the bedroom overnight.',
    'He locked his partner in the flat for a weekend.',
    'Stepdad locked mum and the kids in the house.',
    'He kept his wife locked in when he went out.',
  ])('%s', (text) => {
    expect(readIds(text)).toContain('intense-control');
  });

  it('a locked door that keeps someone out is not being kept in', () => {
    expect(readIds('Mum locked the door so he could not get back in.')).not.toContain('intense-control');
  });
});

describe('fifth-round readings (x-set): live acts said with "now", fleeing, trips abroad to marry, partners of role-holders', () => {
  readsAs([
    ['Her son rang to say his dad is hitting mum in the lounge now.', 'immediate-danger'],
    ['The neighbour says he is smashing the windows right now.', 'immediate-danger'],
    ["Mum has fled to the neighbour's with the kids (4 and 6).", 'immediate-danger'],
    ['He is still in the flat wrecking the place.', 'immediate-danger'],
    ['Her parents are sending her to Bangladesh after her exams to get married.', 'forced-marriage'],
    ['The family are taking him abroad this summer to marry a cousin.', 'forced-marriage'],
    ["A nursery worker's partner told police he punched her.", 'position-of-trust'],
    ["The football coach's wife says he strangled her last week.", 'position-of-trust'],
  ]);

  it('a child telling a professional by text does not make the professional the person causing harm', () => {
    expect(readIds('A pupil (12) texted her teacher that her dad has been hitting mum.')).not.toContain('position-of-trust');
    expect(readIds('She messaged her youth worker that her boyfriend threatened her.')).not.toContain('position-of-trust');
  });

  it('fifth-round readings do not over-reach', () => {
    expect(readIds('He was hitting her now and then over the years.')).not.toContain('immediate-danger');
    expect(readIds("Last year mum ran to a neighbour's before the police came.")).not.toContain('immediate-danger');
    expect(readIds('Mum is still in the house she rented with him; no contact now.')).not.toContain('immediate-danger');
    expect(readIds('They are taking the children to Pakistan in August to see their grandparents.')).not.toContain('forced-marriage');
    expect(readIds("The teacher's partner says she is worried about the pupil.")).not.toContain('position-of-trust');
    expect(readIds("A nursery worker's husband hit her; she is off sick.")).not.toContain('position-of-trust');
  });

  it('a live incident goes to 999 first', () => {
    expect(run('staffordshire', "Mum has run to the neighbour's with her son (3); dad is still in the house smashing things up.").pathway).toBe('emergency');
    expect(run('stoke-on-trent', 'Her daughter (13) texted to say her stepdad is threatening mum with a knife now.').pathway).toBe('emergency');
  });
});

describe('older couples and role-holders named with a modifier (x-set)', () => {
  it('an older person living with a spouse, with no child mentioned, goes to adult routes', () => {
    expect(run('stoke-on-trent', 'An 80-year-old man who lives with his wife says she hits him and takes his pension.').pathway).toBe('adult-services');
  });

  it('but not where a child is mentioned anywhere', () => {
    expect(run('stoke-on-trent', 'A 66-year-old woman lives with her husband, who hits her; their grandson (9) stays most weekends.').pathway).not.toBe(
      'adult-services',
    );
    expect(run('stoke-on-trent', 'Her son is worried: the 70-year-old woman lives with her partner, who slaps her.').read.map((i) => i.id)).not.toContain(
      'no-children',
    );
  });

  it('a professional told, with a modifier before the role, is not the person causing harm', () => {
    expect(readIds('A 16-year-old told her college tutor her boyfriend hit her.')).not.toContain('position-of-trust');
    expect(readIds('A school football coach was arrested for assaulting his wife.')).toContain('position-of-trust');
  });
});

describe('sixth-round readings (fourth batch): pressure on the throat, the family shut in with him, marriage promised, said without the words', () => {
  readsAs([
    ['He pushed down on her throat with his forearm until she went dizzy.', 'strangulation'],
    ["Her son said his hands were round his mum's neck.", 'strangulation'],
    ['Grazes to neck noted by the attending officer.', 'strangulation'],
    ['Her little brothers are still in there with him.', 'immediate-danger'],
    ['Stepdad is still at home going berserk and smashing plates.', 'immediate-danger'],
    ['He has taken her keys and is due back in twenty minutes.', 'immediate-danger'],
    ['She told the nurse she is going to be married to her cousin in the holidays.', 'forced-marriage'],
    ['Her uncle warned that she would bring more shame on them.', 'honour-based-abuse'],
    ['She said no but he carried on anyway.', 'sexual-assault'],
    ['He pinned her down and forced himself on her.', 'sexual-assault'],
    ['P volunteers with the under-9s rugby on Sundays and has hit her before.', 'position-of-trust'],
    ['He lives with his wife and her mother. She has hit him with a pan twice.', 'male-victim'],
  ]);

  it('they do not over-reach', () => {
    expect(readIds('He has been kicking off about money all week.')).not.toContain('physical-violence');
    expect(readIds('She puts her pillow over her head when they row.')).not.toContain('strangulation');
    expect(readIds('Her grandad stepped in and the row stopped.')).not.toContain('child-intervened');
    expect(readIds('The officers intervened before anyone was hurt.')).not.toContain('child-intervened');
    expect(readIds('He told her not to drive but she did it anyway.')).not.toContain('sexual-assault');
  });

  it('children named with their age in brackets are read as children of that age; adults are not', () => {
    expect(facts('Kayden (11) and Mia (4) were upstairs; Rosa (31) called police.').childAges).toEqual([4, 11]);
    expect(facts('A worker from the adolescent team visited.').childAges).toEqual([]);
  });

  it('a pregnancy given in words is a pregnancy', () => {
    expect(facts('She thinks she is about five months gone.').unborn).toBe(true);
  });
});

describe('risk factors beside the abuse they aggravate', () => {
  it('stress in the background of a row does not on its own make a child in need case', () => {
    const r = run(
      'sutton',
      'Jordan (13) says his parents argue about debts since dad was made redundant. No violence or threats; both parents engage with the school.',
    );
    expect(['early-help', 'adult-services']).toContain(r.pathway);
  });

  it('a severe risk factor still sets its scale in full', () => {
    expect(run('sutton', 'Jordan (13) says his parents argue about debts. The IDVA assessed mum as high risk.').pathway).toBe('child-protection');
  });

  it('a MARAC referral on professional judgement also offers an IDVA', () => {
    const r = run('wandsworth', 'Mum says he squeezed her neck last week. Ella (10) was at school.');
    expect(r.referrals.map((x) => x.id)).toEqual(expect.arrayContaining(['marac', 'idva']));
  });
});

describe('seventh-round readings (fifth batch): a texted child inside a live incident, a rite named by a child, a separation long past', () => {
  readsAs([
    ["My niece messaged: 'hes got in through the kitchen. mum is screaming'.", 'immediate-danger'],
    ["Her text said 'dont ring the house hes here'.", 'immediate-danger'],
    ['Me and my brother have pushed my wardrobe against my door.', 'immediate-danger'],
    ['She said she will have a small cut like her cousin did, at a party in the summer.', 'fgm'],
    ['Gran says she will be made a proper woman at the celebration back home.', 'fgm'],
  ]);

  it('a texted warning with a knife goes to 999 first, though the text opens with "don\'t"', () => {
    expect(run('stoke-on-trent', "Her son (13) got a text from mum: 'dont come back yet hes here and hes got a knife'.").pathway).toBe('emergency');
  });

  it('a separation or abuse long past is not a recent separation, and nothing here is child in need', () => {
    const ids = readIds('Her ex was controlling when they were together, but they broke up six years ago and he lives abroad.');
    expect(ids).toContain('separation-past');
    expect(ids).not.toContain('separation');
    const r = run('sutton', 'Mum says her ex used to shout at her, but that was years ago. No contact with him for years. Kids (9, 12) thriving.');
    expect(r.read.map((i) => i.id)).not.toContain('separation');
    expect(['early-help', 'adult-services']).toContain(r.pathway);
  });

  it('they do not over-reach', () => {
    expect(readIds('They split up three weeks ago and he keeps texting her.')).toContain('separation');
    expect(readIds('He pushed the buggy to the shops.')).not.toContain('physical-violence');
    expect(readIds('He got in trouble at work for shouting.')).not.toContain('immediate-danger');
    expect(readIds('She cut her knee like her brother did at the party.')).not.toContain('fgm');
  });
});

describe('grown-up children and a young child with no abuse', () => {
  it('a victim whose children are adults and have left goes to adult routes', () => {
    for (const text of [
      'Mrs K is 58; her two sons are grown up and live in Leeds. Her husband has taken her bank card and shouts at her daily.',
      'Woman in her sixties whose daughters are 24 and 27 and have both moved out. Her partner pushed her into the wardrobe last week.',
      'Nobody under 18 lives at the flat. He has been checking her phone and stopping her seeing friends.',
    ])
      expect(run('staffordshire', text).pathway).toBe('adult-services');
  });

  it('money worries beside a young child, with no abuse at all, are not raised to child in need by the child’s age', () => {
    const r = run(
      'wandsworth',
      'Nursery worker: Leo (3) seems tired; parents worried about money since his hours were cut. No arguments reported; she says he is supportive.',
    );
    expect(['early-help', 'adult-services']).toContain(r.pathway);
  });

  it('the same young child beside a push is still raised', () => {
    expect(run('wandsworth', 'Nursery worker: Leo (3) seems tired. He pushed her into the door frame last week during a row.').pathway).not.toBe('early-help');
  });
});

describe('eighth-round readings (sixth batch): threats to injure, a child held by him, a child’s secret game, care used as control', () => {
  readsAs([
    ['He was shouting through the door that he would smash her face in.', 'threats-to-kill'],
    ["He sent her a video of the baby with the text 'say bye to her'.", 'threats-to-kill'],
    ['Mum ran to a neighbour; he still has their daughter (2).', 'immediate-danger'],
    ['She is shut in the toilet with the twins and he is banging.', 'immediate-danger'],
    ["Dad has told them no one leaves until he's finished.", 'immediate-danger'],
    ['She rang whispering, then the call cut off and it goes to voicemail.', 'immediate-danger'],
    ['He has tried to grab the kids from her twice.', 'abduction-threat'],
    ['Ava (5) said uncle does the tickle game inside her pants.', 'child-sexual-abuse'],
    ["Leo (6) said they play a cuddle game and it's a secret.", 'child-sexual-abuse'],
    ['He takes her wheelchair away when she argues.', 'coercive-control'],
    ["Mum's boyfriend (not the girls' dad) moved in last month.", 'step-parent'],
  ]);

  it('they do not over-reach', () => {
    expect(readIds('The children said goodbye to him at the station.')).not.toContain('threats-to-kill');
    expect(readIds('He tried to take her to the cinema.')).not.toContain('abduction-threat');
    expect(readIds('She is shut in the flat all day while he works.')).not.toContain('immediate-danger');
    expect(readIds('Her surprise party is a secret from her dad.')).not.toContain('child-sexual-abuse');
  });
});

describe("Clare's Law where the history is already known", () => {
  it('a partner known to have abused a previous partner brings the right to ask, with the police route', () => {
    for (const text of [
      'Mum (24), baby 4 months. Her partner had a non-molestation order from his ex last year; he checks her phone.',
      "Nan says mum's new boyfriend did time for beating his last girlfriend. Kids 6 and 9.",
      'Mum asked how she can check him out before he meets the children.',
    ]) {
      const r = run('lambeth', text);
      expect(r.referrals.map((x) => x.id)).toContain('dvds');
    }
  });
});

describe('a negation carried through a list', () => {
  it('"never been name-calling, threats or anything physical" reads no threats', () => {
    expect(readIds("Both say there's never been name-calling, threats or anything physical.")).not.toContain('threats-of-harm');
    expect(readIds('No injuries, threats or damage were reported.')).not.toContain('threats-of-harm');
  });

  it('but a new clause after the comma is not negated', () => {
    expect(readIds('No injuries, he hit her with a belt.')).toContain('physical-violence');
    expect(readIds('She has no marks, he strangled her.')).toContain('strangulation');
  });

  it('"no under-18s" means no child in the household', () => {
    expect(readIds('No under-18s live at the address; he takes her benefits.')).toContain('no-children');
  });
});

describe('put-downs in front of a child are words, not violence in their presence', () => {
  it('reads no violence in front of the child for digs or belittling', () => {
    expect(readIds('He makes digs about her cooking in front of their son.')).not.toContain('violence-in-presence-of-child');
    expect(readIds('He belittles her in front of the children.')).not.toContain('violence-in-presence-of-child');
  });

  it('still reads a blow in front of them', () => {
    expect(readIds('He slapped her in front of the children.')).toContain('violence-in-presence-of-child');
  });
});

describe('what the uplift was covering for: strangulation signs and a child hit, said plainly', () => {
  readsAs([
    ['The officer saw finger marks both sides of her neck.', 'strangulation'],
    ['She said everything went black for a second and then she was on the floor.', 'strangulation'],
    ['Her voice was still hoarse the next morning.', 'strangulation'],
    ['Nan says the boyfriend hits the kids when he has had a drink.', 'child-hurt'],
  ]);

  it('they do not over-reach', () => {
    expect(readIds("He hits the children's mother.")).not.toContain('child-hurt');
    expect(readIds('The lights went dark in the storm.')).not.toContain('strangulation');
  });
});

describe('eighth-batch readings: a child left with him after a serious assault, adults-only households, no baby on the way', () => {
  it('a child with him right now, after he choked her, is 999 first', () => {
    const r = run('camden', 'At A&E at 3am with marks on her neck where he choked her. Her daughter (5) is still at the flat with him.');
    expect(r.pathway).toBe('emergency');
    expect(r.referrals.map((x) => x.id)).toContain('police');
  });

  it('a child with him after an ordinary row is not an emergency', () => {
    expect(run('camden', 'They argued about money last night. The kids are at home with dad now while mum is at work.').pathway).not.toBe('emergency');
  });

  it('children whose ages are all adult, written without the word "children", mean adult routes', () => {
    expect(run('lambeth', 'Woman of 50; their three are 20, 22 and 25 and have moved out. Her husband grabbed her arm last week.').pathway).toBe(
      'adult-services',
    );
  });

  it('"no baby on the way" is not a baby in the home', () => {
    expect(readIndicators(knowledge(), "She isn't pregnant and there's no baby on the way.").facts.childAges).toEqual([]);
  });

  it('suicidal thoughts and intense control are read by the patterns alone', () => {
    const byId = new Map(knowledge().indicators.map((i) => [i.id, i]));
    expect(byId.get('suicidal-thoughts')!.readByMeaning).toBe(false);
    expect(byId.get('intense-control')!.readByMeaning).toBe(false);
    expect(readIds('Dad said he wants to end it all.')).toContain('suicidal-thoughts');
  });
});

describe('ninth-batch readings: an adult who will not wake, a cry for help then silence, everyday control, things punched', () => {
  it.each([
    ["The 6 year old told the neighbour 'mummy won't wake up'.", 'emergency'],
    ['The health visitor heard a woman shout for help, then nothing, and he shut the door.', 'emergency'],
  ])('%s -> %s', (text, pathway) => {
    expect(run('staffordshire', text).pathway).toBe(pathway);
  });

  it('a teenager who will not wake for school, or a cry for help last year, is not an emergency', () => {
    expect(run('staffordshire', "Mum says her son (15) won't wake up for school and they row about it.").pathway).not.toBe('emergency');
    expect(run('staffordshire', 'She screamed for help last year and then nothing happened; the children are 8 and 10.').pathway).not.toBe('emergency');
  });

  readsAs([
    ['He put a tracking app on her phone so he always knows where she is.', 'coercive-control'],
    ['He decides who she is allowed to see.', 'coercive-control'],
    ['He checks her messages every night.', 'coercive-control'],
    ['She has to ask him for her bus fare.', 'economic-abuse'],
    ['The boy (7) ended up with a cut on his head from the plate his dad threw.', 'child-hurt'],
    ['He threw a cup at her which split her lip.', 'minor-injury'],
    ['Dad broke the telly with his fist.', 'property-damage'],
  ]);

  it('punching walls is damage to things, not an assault on a person', () => {
    const ids = readIds('Her son keeps punching walls when he is angry.');
    expect(ids).toContain('property-damage');
    expect(ids).not.toContain('serious-physical-violence');
    expect(ids).not.toContain('physical-violence');
  });

  it('a numbered police notification counts the notifications', () => {
    expect(readIndicators(knowledge(), 'PN #3 this year, the others in March and July.').facts.policeNotifications).toBe(3);
    expect(readIndicators(knowledge(), 'Third PN for this family.').facts.policeNotifications).toBe(3);
  });
});

describe('tenth-batch readings: said without the words', () => {
  readsAs([
    ["She says he 'makes her' have sex when she has said no.", 'sexual-assault'],
    ['He told the kids he would put us all in the ground.', 'threats-to-kill'],
    ["He's said if she leaves he'll take the children abroad and she'll never see them.", 'abduction-threat'],
    ["Dad told mum on Friday she'd never see him again, meaning their son.", 'abduction-threat'],
    ['K (4) came into nursery with a bruise on her arm.', 'child-hurt'],
    ['She was bleeding from the back of her head.', 'significant-injury'],
  ]);

  it('does not read an adult ending contact with him as a threat to take the children', () => {
    expect(readIds("Mum told her friend she'll never see him again after this.")).not.toContain('abduction-threat');
  });

  it.each([
    ['Gran found her lying on the bedroom floor, not answering when spoken to.', 'emergency'],
    ["At the school gate now: dad has just lifted the 5yo into his car and driven off with her, there's an order.", 'emergency'],
  ])('%s -> %s', (text, pathway) => {
    expect(run('lambeth', text).pathway).toBe(pathway);
  });

  it("reads children's ages after their initials", () => {
    expect(readIndicators(knowledge(), 'Children R (5) and T (11) were upstairs.').facts.childAges.sort((a, b) => a - b)).toEqual([5, 11]);
  });
});

describe('eleventh-batch readings: orders in place are not breaches; honour, and someone waiting for her now', () => {
  it('an order in place, or an ex-partner who had one, is not a breach; breaking one is', () => {
    expect(readIds('There is a non-mol in place until June and no breaches.')).not.toContain('breach-of-orders');
    expect(readIds('We heard his ex had a non-mol against him.')).not.toContain('breach-of-orders');
    expect(readIds("There's a non-mol but he keeps texting her.")).toContain('breach-of-orders');
    expect(readIds("He isn't allowed to contact her but he rang her twice on Sunday.")).toContain('breach-of-orders');
  });

  readsAs([
    ["Her dad says she has shamed them and she's finished if it happens again.", 'honour-based-abuse'],
    ['Her uncles talk about sending her back home to get sorted out.', 'honour-based-abuse'],
    ['He said nobody would come looking for her.', 'threats-to-kill'],
    ['He held her against the door by her neck until she passed out.', 'strangulation'],
    ['Dad makes the kids report back on who mum sees.', 'coercive-control'],
    ["He says he'll stop her seeing the children if she goes to court.", 'abduction-threat'],
  ]);

  it('someone at the gate now asking for the child, or a car outside waiting for her, is 999 first; a taxi waiting is not', () => {
    expect(run('camden', 'Her ex is at the school gate pressing the buzzer and asking for their son (6).').pathway).toBe('emergency');
    expect(run('camden', "Girl (15) at the youth club says her brother's car is parked outside waiting for her to take her to the airport.").pathway).toBe(
      'emergency',
    );
    expect(run('camden', 'Mum (kids 8 and 10) says the taxi is outside waiting for us to take us to the refuge.').pathway).not.toBe('emergency');
  });
});

describe('a row in front of the children is words, a blow in front of them is violence', () => {
  it('a shouting match or words at a handover in front of the kids is not violence in their presence', () => {
    expect(readIds('There was one shouting match at the handover last month in front of the kids.')).not.toContain('violence-in-presence-of-child');
    expect(readIds('They had words at the school gate in front of the children.')).not.toContain('violence-in-presence-of-child');
  });

  it('a blow earlier in the sentence still is', () => {
    expect(readIds('She slapped him during a row on Sunday in front of their son (9).')).toContain('violence-in-presence-of-child');
    expect(readIds('They argued and he hit her in front of the kids.')).toContain('violence-in-presence-of-child');
  });
});

describe('twelfth-batch readings: happening now, and harm said indirectly', () => {
  it.each([
    ['Mum is at the family centre with her son (3); her husband is driving round looking for them.', 'emergency'],
    ["He texted her 'I can see you're at the library' and she has the baby (1) with her.", 'emergency'],
    ['Worker texting from the toilet: dad is between us and the front door, baby (4 months) in his arms.', 'emergency'],
    ['Her ex is in the car park in his van asking staff for the kids (5, 7); the van is still there.', 'emergency'],
  ])('%s -> %s', (text, pathway) => {
    expect(run('camden', text).pathway).toBe(pathway);
  });

  readsAs([
    ['DASH by the officers: 16 - high.', 'dash-high-risk'],
    ["He 'nutted' her in the kitchen.", 'physical-violence'],
    ["The little girl (4) makes the daddy doll squeeze the mummy doll's neck.", 'strangulation'],
    ['T said mummy went to sleep on the bathroom floor.', 'significant-injury'],
    ["Her son 'got in the way' when he threw the kettle at her.", 'child-hurt'],
    ["M (17) at college; her bf 'Jay' is 24.", 'young-person-own-relationship'],
  ]);

  it("reads a baby's age written as months or weeks over 12 or 52, and a midwife as a pregnancy", () => {
    expect(readIndicators(knowledge(), 'Baby Z (6/52) and M (19).').facts.childAges).toContain(0);
    expect(readIndicators(knowledge(), 'She asked where the midwife place is; no children.').facts.unborn).toBe(true);
  });

  it('a young person hurt by their partner is child protection', () => {
    expect(run('lambeth', "Girl (16): bruising round her wrist; her bf 'Kai' is 21 and won't let her see friends.").pathway).toBe('child-protection');
  });
});

describe('thirteenth- and fourteenth-batch readings: what a note says in passing', () => {
  readsAs([
    ['She says he puts the rude films on and makes her watch them with him.', 'child-sexual-abuse'],
    ["The girl (8) told her teacher she's his secret girlfriend and mustn't say.", 'child-sexual-abuse'],
    ['He plays the tickle game under her covers when mum is out.', 'child-sexual-abuse'],
    ["Her aunt has found her 'a suitable husband' and the flights are for July.", 'forced-marriage'],
    ['Convicted of strangulation of a previous partner.', 'strangulation'],
    ["The message said 'tell your kids to say goodbye'.", 'threats-to-kill'],
    ['He has been walking past her flat every evening.', 'stalking'],
    ['Since Friday he keeps texting her from withheld numbers.', 'stalking'],
    ['She pushes the chest of drawers against the bedroom door at night.', 'victim-very-frightened'],
    ['PPN: suspect arrested. Occupation: coaches the u12s at the rugby club.', 'position-of-trust'],
    ['Y (17, M) says gf (18) takes his bank card.', 'young-person-own-relationship'],
  ]);

  it('a separation years or more than a year ago, in note form, is not a recent separation', () => {
    expect(readIds('Parents separated 4 yrs, share care, no concerns.')).not.toContain('separation');
    expect(readIds('She left her ex and has had no contact for 20 months.')).not.toContain('separation');
    expect(readIds('They separated last week; the 3 yr old is with mum.')).toContain('separation');
  });

  it("the person causing harm is male when the note says what 'he' did, however it is quoted", () => {
    expect(readIds("Mum said he 'shoved me into the door'.")).toContain('male-person-causing-harm');
    expect(readIds('Her partner had his hands around her throat.')).toContain('male-person-causing-harm');
  });
});

describe('fifteenth-batch readings: a child at play, a note in shorthand, danger circling now', () => {
  readsAs([
    ["He's been driving round and round the estate since about 3 while she waits inside the surgery with the baby (1).", 'immediate-danger'],
    ["'He's driven by 4 or 5 times and slows down outside the school.'", 'stalking'],
    ["'It's the cuddle game, he does it under my covers.'", 'child-sexual-abuse'],
    ['At play the 5yo laid the teddy on top of the dolly under a towel.', 'child-sexualised-behaviour'],
    ["'He hurts mummy's neck when she shouts.'", 'violence-in-presence-of-child'],
    ['He grabbed her and dragged her by her hair; ch (4 and 7) were in the hallway.', 'violence-in-presence-of-child'],
    ['DASH with an interpreter: 16.', 'dash-high-risk'],
    ['She has no public funds on her spouse visa.', 'nrpf-immigration'],
    ['He pressed a cushion over her face until she struggled.', 'strangulation'],
    ['It used to be once a year, now it is like every weekend.', 'escalation'],
    ["'I tried to stop him and he shoved me away, I banged into the door.'", 'child-hurt'],
    ["'He'd sooner kill me than let me shame the family.'", 'threats-to-kill'],
    ["'Her big cousin was sent back home and got married at 16.'", 'forced-marriage'],
    ["My brother says he's 'engaged' to a cousin.", 'forced-marriage'],
    ['His husband checks his bank statements and keeps the car keys.', 'economic-abuse'],
  ]);

  it("a girl's account of 'he', then his age, is a young person's own relationship", () => {
    expect(readIds("J (17) told the nurse: 'He reads my messages.' He is 21.")).toContain('young-person-own-relationship');
  });
});

describe('sixteenth-batch readings: what happened to the child, and danger said by what is outside', () => {
  readsAs([
    ['J arrived at 9 with a bruised cheek and would not say why.', 'child-hurt'],
    ["'He threw his phone at Mum and it hit me instead.'", 'child-hurt'],
    ['She fell into the radiator when he went for her mum.', 'child-hurt'],
    ["Mum says the 8yo 'gets between us when it starts'.", 'child-intervened'],
    ['my dad is 40 and im 14 and my boyfriend is 19', 'young-teen-own-relationship'],
    ['He grabbed the toddler and ran off; she cannot reach him.', 'immediate-danger'],
    ['He strapped the baby in and drove off; she does not know where.', 'abduction-threat'],
    ['Ex is sat in his van across from the nursery now.', 'immediate-danger'],
    ["Her uncle's car is here to take her to the airport.", 'immediate-danger'],
    ["He texted that she won't be alive by Christmas.", 'threats-to-kill'],
    ['He keeps saying he has nothing left to lose.', 'threats-of-harm'],
    ['He waited outside the school gates on Monday and Tuesday.', 'stalking'],
    ['Her older sister came back married after the trip.', 'forced-marriage'],
    ['The girl says her ticket is one way.', 'forced-marriage'],
    ['He says the videos will be posted on insta if she ends it.', 'sexual-exploitation'],
  ]);

  it('a child taken off long ago is not danger now', () => {
    expect(readIds('Last year he took the baby and drove off to his sister for a night.')).not.toContain('immediate-danger');
  });
});

describe('seventeenth-batch readings: what is said, not named', () => {
  readsAs([
    ["'He won't take no. I lie there until it's over.'", 'sexual-assault'],
    ['She says he sulks for a week if she says no.', 'sexual-assault'],
    ["He texted: 'you won't get up again this time'.", 'threats-to-kill'],
    ["'Bring them back before midnight or I'm coming round for them.'", 'immediate-danger'],
    ['Dad has just let himself in through the back.', 'immediate-danger'],
    ["He came round on Sunday, though his bail says he's not to go to the flat.", 'breach-of-orders'],
    ["He told her he'll come and take the kids from school.", 'abduction-threat'],
    ['Pupil J (Y9, 14) says her older boyfriend checks her phone.', 'young-teen-own-relationship'],
    ['He said the whole year will see it if she blocks him.', 'sexual-exploitation'],
    ['She says he forced her to send photos.', 'sexual-exploitation'],
    ["He's taken her bank card.", 'economic-abuse'],
  ]);
});
